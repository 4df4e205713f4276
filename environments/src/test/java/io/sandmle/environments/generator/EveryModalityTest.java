package io.sandmle.environments.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Modality;
import io.sandmle.api.Task;
import io.sandmle.environments.suites.SyntheticSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every modality of the catalog yields a verified task, and every kept task re-verifies from disk alone. */
class EveryModalityTest {

    private static final Map<Modality, String> SEEDS = new EnumMap<>(Map.of(
            Modality.TABULAR, "nomad2018-predict-transparent-conductors",
            Modality.TEXT, "jigsaw-toxic-comment-classification-challenge",
            Modality.IMAGE, "aptos2019-blindness-detection",
            Modality.AUDIO, "mlsp-2013-birds",
            Modality.TIME_SERIES, "ventilator-pressure-prediction",
            Modality.GRAPH, "champs-scalar-coupling",
            Modality.MULTIMODAL, "petfinder-pawpularity-score"));

    @TempDir
    Path tmp;

    @Test
    void everyModalityProducesAVerifiedTaskThatReverifies() throws Exception {
        assertEquals(Modality.values().length, SEEDS.size());
        SyntheticSuite suite = new SyntheticSuite();
        for (Map.Entry<Modality, String> e : SEEDS.entrySet()) {
            Path dir = TestTasks.keptTask(e.getValue(), tmp);
            Task task = suite.load(dir, Map.of()).get(0);
            assertEquals(e.getKey(), task.modality(), e.getValue());
            int trainRows = Files.readAllLines(task.publicDir().resolve("train.csv")).size() - 1;
            assertTrue(trainRows >= 50 && trainRows <= 200, e.getValue() + " has " + trainRows + " training rows");
            assertTrue(Files.isRegularFile(task.privateDir().resolve("answers.csv")));
            Verifier.Verdict again = new Verifier().verify(dir, suite.grader(task), TestTasks.EXECUTOR);
            assertTrue(again.ok(), e.getValue() + " does not re-verify: " + again);
        }
        List<Task> all = suite.load(tmp, Map.of());
        assertEquals(SEEDS.size(), all.size());
    }
}
