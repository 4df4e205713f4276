package io.sandmle.environments.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sandmle.api.Grade;
import io.sandmle.api.Grader;
import io.sandmle.api.Task;
import io.sandmle.api.codec.TaskJson;
import io.sandmle.environments.suites.SyntheticSuite;
import io.sandmle.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each verification check drops a task broken in exactly the way it guards against. One real task (binary
 * ROC-AUC, tabular) is generated once; every test breaks its own copy.
 */
class VerifierChecksTest {

    @TempDir
    static Path shared;
    private static Path original;
    @TempDir
    Path tmp;

    @BeforeAll
    static void generateOneTask() {
        original = TestTasks.keptTask("santander-customer-transaction-prediction", shared);
    }

    private Path broken() throws Exception {
        return TestTasks.copy(original, tmp);
    }

    /** The ladder submission of the task's best model family (the gold threshold's). */
    private static Path strongestReference(Path task) {
        return task.resolve("reference/ladder/" + TestTasks.bestRung(task) + ".csv");
    }

    private static String failedCheck(Path task) throws Exception {
        return failedCheck(task, new SyntheticSuite().grader(taskOf(task)));
    }

    private static String failedCheck(Path task, Grader grader) {
        return new Verifier().verify(task, grader, TestTasks.EXECUTOR).failedCheck();
    }

    private static Task taskOf(Path dir) {
        return new SyntheticSuite().load(dir, Map.of()).get(0);
    }

    @Test
    void theUnbrokenTaskPasses() throws Exception {
        assertEquals(null, failedCheck(broken()));
    }

    @Test
    void raggedCsvFailsFilesParse() throws Exception {
        Path t = broken();
        Files.writeString(t.resolve("prepared/public/test.csv"), "only,two\n", StandardOpenOption.APPEND);
        assertEquals("files-parse", failedCheck(t));
    }

    @Test
    void corruptPngFailsFilesParse() throws Exception {
        Path t = broken();
        Files.createDirectories(t.resolve("prepared/public/images"));
        Files.writeString(t.resolve("prepared/public/images/x.png"), "not a png");
        assertEquals("files-parse", failedCheck(t));
    }

    @Test
    void answersInPublicFailAnswersPrivate() throws Exception {
        Path t = broken();
        Files.copy(t.resolve("prepared/private/answers.csv"), t.resolve("prepared/public/labels_copy.csv"));
        assertEquals("answers-private", failedCheck(t));
    }

    @Test
    void tooFewTrainingRowsFailTrainingRows() throws Exception {
        Path t = broken();
        Path train = t.resolve("prepared/public/train.csv");
        Files.write(train, Files.readAllLines(train).subList(0, 31));
        assertEquals("training-rows", failedCheck(t));
    }

    @Test
    void missingReferenceSubmissionFailsReferenceRan() throws Exception {
        Path t = broken();
        Files.delete(t.resolve("reference/ladder/linear.csv"));
        assertEquals("reference-ran", failedCheck(t));
    }

    @Test
    void probeThatReachesBronzeFailsNoMetadataLeak() throws Exception {
        Path t = broken();
        Files.copy(strongestReference(t), t.resolve("reference/ladder/leak-probe.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals("no-leak-metadata", failedCheck(t));
    }

    @Test
    void rowOrderLeakIsCaughtByTheRealProbe() throws Exception {
        Path t = broken();
        // A generator bug that writes rows sorted by their label: row position now predicts the answer.
        List<String[]> answers = CsvFile.read(t.resolve("prepared/private/answers.csv"));
        Set<String> positives = new HashSet<>();
        answers.subList(1, answers.size()).stream().filter(r -> r[1].equals("1")).forEach(r -> positives.add(r[0]));
        sortRows(t.resolve("prepared/public/test.csv"), line -> positives.contains(line.split(",")[0]));
        sortRows(t.resolve("prepared/public/train.csv"), line -> line.endsWith(",1"));
        Task task = taskOf(t);
        TaskSpec spec = new DataStrategist().plan(TestTasks.seed(task.category()),
                Long.parseLong(task.attributes().get("seed")), 0);
        assertTrue(new MlDeveloper().runLadder(spec, new TaskFolder(t), ReferenceLadder.verificationScript(spec.target()), TestTasks.EXECUTOR).succeeded());
        assertEquals("no-leak-metadata", failedCheck(t));
    }

    private static void sortRows(Path csv, java.util.function.Predicate<String> positive) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
        body.sort(java.util.Comparator.comparing(positive::test));
        lines.subList(1, lines.size()).clear();
        lines.addAll(body);
        Files.write(csv, lines);
    }

    @Test
    void controlAboveMedianFailsShuffledLabelsAtChance() throws Exception {
        Path t = broken();
        Files.copy(strongestReference(t), t.resolve("reference/ladder/shuffled-control.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals("shuffled-labels-at-chance", failedCheck(t));
    }

    @Test
    void ruleTermInDescriptionFailsNoLeakDescription() throws Exception {
        Path t = broken();
        Secrets s = Json.MAPPER.readValue(t.resolve("reference/secrets.json").toFile(), Secrets.class);
        Files.writeString(t.resolve("prepared/public/description.md"),
                "\nHint: look at " + s.ruleTerms().get(1) + ".\n", StandardOpenOption.APPEND);
        assertEquals("no-leak-description", failedCheck(t));
    }

    @Test
    void coefficientInDescriptionFailsNoLeakDescription() throws Exception {
        Path t = broken();
        Secrets s = Json.MAPPER.readValue(t.resolve("reference/secrets.json").toFile(), Secrets.class);
        Files.writeString(t.resolve("prepared/public/description.md"),
                "\nThe weight is " + s.coefficients().get(0) + ".\n", StandardOpenOption.APPEND);
        assertEquals("no-leak-description", failedCheck(t));
    }

    @Test
    void swappedThresholdsFailThresholdsMonotone() throws Exception {
        Path t = broken();
        editThresholds(t, th -> {
            double gold = th.get("gold").asDouble();
            th.put("gold", th.get("median").asDouble());
            th.put("median", gold);
        });
        assertEquals("thresholds-monotone", failedCheck(t));
    }

    @Test
    void editedThresholdsFailThresholdsMatchLadder() throws Exception {
        Path t = broken();
        editThresholds(t, th -> th.put("gold", th.get("gold").asDouble() + 1e-4));
        assertEquals("thresholds-match-ladder", failedCheck(t));
    }

    @Test
    void perfectSampleSubmissionFailsBeatsSampleSubmission() throws Exception {
        Path t = broken();
        // The answers, re-formatted ("1" -> "1.0") so the file differs byte-wise but scores AUC 1.
        List<String> lines = Files.readAllLines(t.resolve("prepared/private/answers.csv"));
        List<String> sample = new ArrayList<>(List.of(lines.get(0)));
        lines.subList(1, lines.size()).forEach(l -> sample.add(l + ".0"));
        Files.write(t.resolve("prepared/public/sample_submission.csv"), sample);
        assertEquals("beats-sample-submission", failedCheck(t));
    }

    @Test
    void strongTrivialBaselineFailsTrivialBelowMedian() throws Exception {
        Path t = broken();
        Files.copy(strongestReference(t), t.resolve("reference/ladder/prior.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals("trivial-below-median", failedCheck(t));
    }

    @Test
    void graderThatDependsOnRowOrderFailsGradingDeterministic() throws Exception {
        Path t = broken();
        Grader real = new SyntheticSuite().grader(taskOf(t));
        Grader orderSensitive = (task, submission) -> {
            Grade g = real.grade(task, submission);
            return submission.getFileName().toString().startsWith("sandmle-reversed-")
                    ? new Grade(g.schemaVersion(), g.taskId(), true, true, g.score() + 0.01, null, g.medal(),
                    g.aboveMedian(), null, g.thresholds(), g.lowerIsBetter()) : g;
        };
        assertEquals("grading-deterministic", failedCheck(t, orderSensitive));
    }

    @Test
    void wrongEvaluatorFailsEvaluatorAgrees() throws Exception {
        Path t = broken();
        Files.writeString(t.resolve("prepared/public/evaluator.py"), "print('{\"score\": 0.123}')\n");
        assertEquals("evaluator-agrees", failedCheck(t));
    }

    @Test
    void everyCheckIsExercised() {
        assertEquals(List.of("files-parse", "answers-private", "training-rows", "reference-ran", "no-leak-metadata",
                "shuffled-labels-at-chance", "no-leak-description", "thresholds-monotone", "thresholds-match-ladder",
                "beats-sample-submission", "trivial-below-median", "grading-deterministic", "evaluator-agrees"),
                new Verifier().checkNames());
    }

    private static void editThresholds(Path t, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(TaskJson.file(t).toFile());
        edit.accept((ObjectNode) root.get("thresholds"));
        Json.writeFile(TaskJson.file(t), root);
    }
}
