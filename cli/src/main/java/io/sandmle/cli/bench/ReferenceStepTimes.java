package io.sandmle.cli.bench;

import io.sandmle.support.Quantiles;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Executor;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxSpec;
import io.sandmle.api.Task;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.executors.local.LocalOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Times one task's reference solution as an agent step, two ways. <em>Warm</em> is how rollouts run a
 * step: the episode's sandbox is open and its warm worker has pandas and scikit-learn imported, so the
 * step costs loading the data and fitting. <em>Cold</em> is a fresh sandboxed Python process per step, as
 * SandMLE's own srun steps are; it adds the interpreter start and imports (about 1 s here) to every step.
 */
final class ReferenceStepTimes implements AutoCloseable {

    /** Median seconds of one step, warm and cold. */
    record Medians(double warm, double cold) {
    }

    private final Executor warm = new LocalExecutor(new LocalOptions(true, Duration.ofSeconds(120)));
    private final Executor cold = new LocalExecutor(new LocalOptions(false, Duration.ofSeconds(120)));
    private final int repeats;

    ReferenceStepTimes(int repeats) {
        this.repeats = repeats;
    }

    /** Medians of {@code repeats} timed steps of {@code code} on {@code task}, each way. */
    Medians measure(Task task, String code) throws Exception {
        return new Medians(warmMedian(task, code), coldMedian(task, code));
    }

    private double warmMedian(Task task, String code) throws Exception {
        double[] seconds = new double[repeats];
        try (ScratchFolder work = ScratchFolder.temporary("sandmle-step-");
             Sandbox sandbox = warm.open(spec(work.path(), task))) {
            // Unmeasured and empty: waits for the worker to be ready, as a rollout's first step does once per episode.
            timed(sandbox, "pass", task);
            for (int r = 0; r < repeats; r++) {
                seconds[r] = timed(sandbox, code, task);
            }
        }
        return Quantiles.median(seconds);
    }

    private double coldMedian(Task task, String code) throws Exception {
        double[] seconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            try (ScratchFolder work = ScratchFolder.temporary("sandmle-step-");
                 Sandbox sandbox = cold.open(spec(work.path(), task))) {
                seconds[r] = timed(sandbox, code, task);
            }
        }
        return Quantiles.median(seconds);
    }

    private static SandboxSpec spec(Path work, Task task) {
        return new SandboxSpec(work, task.publicDir(), SandboxSpec.DEFAULT_PYTHON,
                Limits.defaults().withWallTime(Duration.ofMinutes(30)), false);
    }

    private static double timed(Sandbox sandbox, String code, Task task) throws Exception {
        long start = System.nanoTime();
        ExecResult result = sandbox.run(code);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!result.succeeded()) {
            throw new IllegalStateException("the reference solution failed on " + task.id() + ": " + result.stderrTail());
        }
        return seconds;
    }

    @Override
    public void close() throws Exception {
        warm.close();
        cold.close();
    }
}
