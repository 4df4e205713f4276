package io.sandmle.environments.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sandmle.api.GenerationRequest;
import io.sandmle.api.Scale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed gives a byte-identical task tree, whatever folder it is written to. */
class DeterminismTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedWritesByteIdenticalTrees() throws Exception {
        // Image and audio cover the binary encoders (PNG, WAV) besides CSV, JSON and the Python ladder's output.
        for (String seed : List.of("aerial-cactus-identification", "the-icml-2013-whale-challenge-right-whale-redux")) {
            Path a = tmp.resolve("a-" + seed);
            Path b = tmp.resolve("b-" + seed);
            new ProceduralGenerator().generate(new GenerationRequest(TestTasks.seed(seed), 1, 11, Scale.MICRO, a),
                    TestTasks.context(null));
            new ProceduralGenerator().generate(new GenerationRequest(TestTasks.seed(seed), 1, 11, Scale.MICRO, b),
                    TestTasks.context(null));
            List<Path> filesA = files(a);
            assertEquals(filesA.stream().map(p -> a.relativize(p).toString()).toList(),
                    files(b).stream().map(p -> b.relativize(p).toString()).toList(), seed);
            for (Path p : filesA) {
                assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(b.resolve(a.relativize(p).toString())),
                        seed + ": " + a.relativize(p));
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentTasks() {
        DataStrategist strategist = new DataStrategist();
        TaskSpec one = strategist.plan(TestTasks.seed("spaceship-titanic"), 1, 0);
        TaskSpec two = strategist.plan(TestTasks.seed("spaceship-titanic"), 2, 0);
        assertFalse(one.taskId().equals(two.taskId()));
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
