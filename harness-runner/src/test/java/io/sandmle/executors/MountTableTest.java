package io.sandmle.executors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxSpec;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.executors.local.LocalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's mount table never names where the task lives on the host (and so where its answers sit). */
class MountTableTest {

    @TempDir
    Path tmp;

    @Test
    void aStepSeesThePublicFilesButNotTheTaskFoldersHostPathWarmAndCold() throws Exception {
        Path task = tmp.resolve("where-the-task-lives");
        Path publicDir = task.resolve("prepared/public");
        Files.createDirectories(publicDir.resolve("images"));
        Files.writeString(publicDir.resolve("train.csv"), "id,y\n1,0\n");
        Files.writeString(publicDir.resolve("images/a.txt"), "nested file\n");
        Files.createDirectories(task.resolve("prepared/private"));
        for (boolean warm : new boolean[] {true, false}) {
            Path work = tmp.resolve("episodes").resolve(warm ? "warm" : "cold").resolve("work");
            try (LocalExecutor ex = new LocalExecutor(new LocalOptions(warm, Duration.ofSeconds(120)));
                 Sandbox sb = ex.open(new SandboxSpec(work, publicDir, null, Limits.defaults(), false))) {
                ExecResult step = sb.run("print(open('/proc/self/mountinfo').read())\n"
                        + "print(open('/data/train.csv').read() + open('/data/images/a.txt').read())\n");
                assertTrue(step.succeeded(), step.toString());
                assertTrue(step.stdoutTail().contains(" /data "), "the mount table is what was read: "
                        + step.stdoutTail());
                assertTrue(step.stdoutTail().contains("1,0") && step.stdoutTail().contains("nested file"),
                        "the public files are all visible: " + step.stdoutTail());
                assertFalse(step.stdoutTail().contains(task.toString()), "the task folder's host path shows: "
                        + step.stdoutTail());
            }
            assertFalse(Files.exists(SandboxPaths.dataMirrorDir(work)), "the data view is removed on close");
            assertTrue(Files.isRegularFile(publicDir.resolve("images/a.txt")), "the task's own files stay");
        }
    }
}
