package io.sandmle.environments.generator;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Executor;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Test-scope stand-in for the sandbox helper's {@code local} executor: runs each step as a plain
 * {@code /usr/bin/python3} process in the work folder, telling it where the public files are through
 * {@code SANDMLE_DATA_DIR}. No isolation: only for the generator's own tests.
 */
final class SubprocessExecutor implements Executor {

    @Override
    public Sandbox open(SandboxSpec spec) {
        return new Sandbox() {
            @Override
            public ExecResult run(String code) {
                long start = System.nanoTime();
                try {
                    Path script = Files.createTempFile(spec.workDir(), "step-", ".py");
                    Files.writeString(script, code);
                    ProcessBuilder pb = new ProcessBuilder(spec.python(), script.toString())
                            .directory(spec.workDir().toFile());
                    pb.environment().put("SANDMLE_DATA_DIR", spec.inputDir().toString());
                    Path err = Files.createTempFile(spec.workDir(), "stderr-", ".txt");
                    pb.redirectError(err.toFile());
                    Process p = pb.start();
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    boolean done = p.waitFor(spec.limits().wallTime().toMillis(), TimeUnit.MILLISECONDS);
                    if (!done) {
                        p.destroyForcibly();
                    }
                    String stderr = Files.readString(err);
                    Files.delete(err);
                    Files.delete(script);
                    return new ExecResult(ExecResult.SCHEMA_VERSION, done ? p.exitValue() : -9, out, stderr,
                            (System.nanoTime() - start) / 1_000_000, 0, 0, !done, null);
                } catch (IOException | InterruptedException e) {
                    return new ExecResult(ExecResult.SCHEMA_VERSION, -1, "", e.toString(), 0, 0, 0, false,
                            "could not start python");
                }
            }

            @Override
            public void close() {
            }
        };
    }
}
