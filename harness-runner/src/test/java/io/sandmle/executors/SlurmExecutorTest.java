package io.sandmle.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.support.doubles.MicroTask;
import io.sandmle.executors.slurm.SlurmExecutor;
import io.sandmle.executors.slurm.SlurmOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Slurm executor's modes and failures on a real one-node cluster. */
@ExtendWith(SlurmCluster.class)
class SlurmExecutorTest {

    @TempDir
    Path tmp;

    @Test
    void episodeModeRunsStepsInOneAllocationAndCancelsATimeout() throws Exception {
        MicroTask micro = MicroTask.create(tmp.resolve("task"));
        SlurmOptions options = SlurmOptions.fromEnvironment().withSlurmConf(SlurmCluster.slurmConf())
                .withMode(SlurmOptions.Mode.EPISODE);
        Limits limits = Limits.defaults().withWallTime(Duration.ofSeconds(20));
        try (SlurmExecutor ex = new SlurmExecutor(options);
             Sandbox sb = ex.open(new SandboxSpec(tmp.resolve("ep/work"), micro.task().publicDir(), null, limits, false))) {
            ExecResult first = sb.run(MicroTask.randomForestScript());
            assertTrue(first.succeeded(), first.toString());
            assertTrue(Files.exists(tmp.resolve("ep/work/submission.csv")));
            ExecResult failing = sb.run("import sys\nprint('to stderr', file=sys.stderr)\nsys.exit(4)");
            assertEquals(4, failing.exitCode());
            assertTrue(failing.stderrTail().contains("to stderr"));
        }
        try (SlurmExecutor ex = new SlurmExecutor(options);
             Sandbox sb = ex.open(new SandboxSpec(tmp.resolve("ep2/work"), micro.task().publicDir(), null,
                     limits.withWallTime(Duration.ofSeconds(2)), false))) {
            ExecResult sleeper = sb.run("import time\ntime.sleep(600)");
            assertTrue(sleeper.timedOut() && sleeper.killedReason().contains("wall-time"), sleeper.toString());
            ExecResult after = sb.run("print('new allocation')");
            assertTrue(after.succeeded() && after.stdoutTail().contains("new allocation"), after.toString());
        }
    }

    @Test
    void anUnreachableClusterIsOneSentence() throws Exception {
        Path conf = tmp.resolve("slurm.conf");
        Files.writeString(conf, Files.readString(SlurmCluster.slurmConf())
                .replaceAll("(?m)^SlurmctldPort=.*$", "SlurmctldPort=1"));
        SlurmExecutor ex = new SlurmExecutor(SlurmOptions.fromEnvironment().withSlurmConf(conf));
        SandboxException e = assertThrows(SandboxException.class,
                () -> ex.open(new SandboxSpec(tmp.resolve("w"), null, null, Limits.defaults(), false)));
        assertTrue(e.getMessage().startsWith("The Slurm cluster is unreachable") && e.getMessage().contains("SLURM_CONF"),
                e.getMessage());
    }
}
