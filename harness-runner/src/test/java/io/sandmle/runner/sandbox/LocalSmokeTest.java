package io.sandmle.runner.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ExecResult;
import io.sandmle.runner.bench.MicroTask;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxSpec;
import io.sandmle.runner.sandbox.local.LocalExecutor;
import io.sandmle.runner.sandbox.local.LocalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSmokeTest {

    @TempDir
    Path tmp;

    @Test
    void coldAndWarmRunTheRandomForest() throws Exception {
        MicroTask micro = MicroTask.create(tmp.resolve("task"));
        for (boolean warm : new boolean[] {false, true}) {
            try (LocalExecutor ex = new LocalExecutor(new LocalOptions(warm, Duration.ofSeconds(60)));
                 Sandbox sb = ex.open(new SandboxSpec(tmp.resolve("ep-" + warm + "/work"), micro.task().publicDir(),
                         null, Limits.defaults().withWallTime(Duration.ofSeconds(30)), false))) {
                ExecResult r = sb.run(MicroTask.randomForestScript());
                System.out.println(warm + " " + r);
                assertTrue(r.succeeded(), r.toString());
                assertTrue(r.stdoutTail().contains("wrote 50 predictions"));
                assertTrue(Files.exists(tmp.resolve("ep-" + warm + "/work/submission.csv")));
                ExecResult r2 = sb.run("import os, sys\nprint(os.getuid(), os.getcwd())\nsys.exit(3)");
                System.out.println(warm + " " + r2);
                assertEquals(3, r2.exitCode());
            }
        }
    }
}
