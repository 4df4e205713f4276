package io.sandmle.runner.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming picks the newest checkpoint a trainer finished, never one a crash cut short. */
class CheckpointsTest {

    @TempDir
    Path run;

    @Test
    void theNewestCompleteCheckpointWinsByStepNumber() throws Exception {
        Path dir = Checkpoints.of(run);
        assertTrue(Checkpoints.newest(dir).isEmpty(), "no folder yet");
        complete(dir.resolve("step-0002"));
        complete(dir.resolve("step-0010"));
        complete(dir.resolve("step-0009"));
        Files.createDirectories(dir.resolve("step-0011"));           // interrupted: no policy.json
        Files.writeString(dir.resolve("step-0011/network.params"), "partial");
        Files.createDirectories(dir.resolve("notes"));
        assertEquals(Optional.of(dir.resolve("step-0010")), Checkpoints.newest(dir));
    }

    private static void complete(Path checkpoint) throws Exception {
        Files.createDirectories(checkpoint);
        Files.writeString(checkpoint.resolve(Checkpoints.COMPLETE_MARK), "{}");
    }
}
