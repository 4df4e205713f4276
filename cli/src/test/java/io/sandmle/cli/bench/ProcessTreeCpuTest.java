package io.sandmle.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.cli.SandmleCommand;
import io.sandmle.support.doubles.MicroTask;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's CPU reading sees what a sandboxed step burns, though the sandbox is gone when it is read (the
 * JVM's own part is left out: running a command in-process costs it more than the step).
 */
class ProcessTreeCpuTest {

    @TempDir
    Path tmp;

    @Test
    void aStepsCpuInAClosedSandboxIsCounted() throws Exception {
        MicroTask.create(tmp.resolve("task"));
        Path burn = Files.writeString(tmp.resolve("burn.py"), """
                import time
                end = time.process_time() + 0.8
                while time.process_time() < end:
                    pass
                """);
        ProcessTreeCpu cpu = new ProcessTreeCpu();
        double before = cpu.sandboxMillis();

        int exit = SandmleCommand.newCommandLine().execute("exec", "--task", tmp.resolve("task").toString(),
                "--episode-dir", tmp.resolve("ep").toString(), burn.toString());

        double used = cpu.sandboxMillis() - before;
        assertEquals(0, exit);
        assertTrue(used >= 700, "the step's 0.8 s of CPU are counted, got " + used + " ms");
    }
}
