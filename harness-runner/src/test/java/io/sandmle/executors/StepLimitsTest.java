package io.sandmle.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The limits the adversarial suite does not reach: CPU time, open files, the output log cap, resources recorded. */
class StepLimitsTest {

    private static final Limits LIMITS = new Limits(Duration.ofSeconds(20), Duration.ofSeconds(1), 512L << 20, 64, 64,
            64L << 10, 50L << 20, 500);

    @TempDir
    Path tmp;

    @Test
    void limitsHoldWarmAndCold() throws Exception {
        for (boolean warm : new boolean[] {true, false}) {
            Path work = tmp.resolve((warm ? "warm" : "cold") + "/work");
            try (LocalExecutor ex = new LocalExecutor(new LocalOptions(warm, Duration.ofSeconds(120)));
                 Sandbox sb = ex.open(new SandboxSpec(work, null, null, LIMITS, false))) {
                // Only a warm worker has imported scikit-learn before the step: proof it, not a cold fallback, runs them.
                ExecResult served = sb.run("import sys\nprint('sklearn' in sys.modules)\n");
                assertEquals(warm, served.stdoutTail().contains("True"), "served warm: " + warm + ", " + served);

                ExecResult spin = sb.run("while True:\n    pass\n");
                assertTrue(spin.timedOut() && spin.killedReason().contains("CPU-time limit of 1 s"), spin.toString());
                assertTrue(spin.cpuMillis() >= 500, "CPU time is measured: " + spin);

                ExecResult files = sb.run("fs = [open('/dev/null') for _ in range(200)]\n");
                assertTrue(files.stderrTail().contains("Too many open files"), files.toString());

                ExecResult chatty = sb.run("for i in range(20000):\n    print('line %05d' % i)\n");
                assertTrue(chatty.succeeded(), chatty.toString());
                assertTrue(chatty.stdoutTail().contains("line 19999") && chatty.stdoutTail().contains("log cap"),
                        chatty.stdoutTail());
                Path log = SandboxPaths.stepsDir(work).resolve(SandboxPaths.stepName(4) + ".stdout.log");
                assertEquals(LIMITS.maxOutputBytes(), Files.size(log), "the full log is capped");
                assertTrue(Files.readString(log).startsWith("line 00000"));
            }
        }
    }
}
