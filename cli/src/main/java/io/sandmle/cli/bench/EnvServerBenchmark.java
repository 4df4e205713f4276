package io.sandmle.cli.bench;

import io.sandmle.api.BenchContext;
import io.sandmle.api.BenchResult;
import io.sandmle.api.BenchResult.Row;
import io.sandmle.api.BenchResult.Unit;
import io.sandmle.api.Benchmark;
import io.sandmle.runner.plugins.Extensions;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * {@code sandmle bench env-server}: what serving an RL engine costs. The per-step protocol overhead is the
 * same code step over {@code /ws} minus the step called on the environment directly, both warm, in the same
 * run (target: a median of at most 5 ms); then whole sessions per minute at 32 concurrent clients (8 when
 * quick) and the resident memory an idle session holds, its warm worker included.
 */
public final class EnvServerBenchmark implements Benchmark {

    static final double TARGET_OVERHEAD_MILLIS = 5;

    private final Extensions extensions;

    @Inject
    public EnvServerBenchmark(Extensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public String name() {
        return "env-server";
    }

    @Override
    public String description() {
        return "environment server: per-step /ws overhead vs the environment directly, sessions per minute, "
                + "memory per idle session";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        int steps = context.size().pick(20, 100);
        int concurrency = context.size().pick(8, 32);
        int sessionsEach = context.size().pick(1, 3);
        int idle = context.size().pick(4, 16);
        EnvServerMeasurements.Figures f = EnvServerMeasurements.measure(extensions, context.scratch(), steps,
                concurrency, sessionsEach, idle);
        context.out().printf(Locale.ROOT, "env-server: step over /ws %.2f ms, directly %.2f ms (medians of %d); "
                        + "%.1f sessions/min at %d concurrent; %.0f MB per idle session (%d open)%n",
                f.wsStepMillis(), f.directStepMillis(), steps, f.sessionsPerMinute(), concurrency, f.idleSessionMb(),
                idle);
        double overhead = f.overheadMillis();
        return new BenchResult(List.of(
                Row.of("code step over /ws (vs the environment directly)", f.wsStepMillis(), Unit.MILLISECONDS)
                        .withBaseline(f.directStepMillis()),
                Row.of("protocol overhead per step", overhead, Unit.MILLISECONDS)
                        .withTarget("<= " + (int) TARGET_OVERHEAD_MILLIS + " ms", overhead <= TARGET_OVERHEAD_MILLIS),
                Row.of("whole sessions at " + concurrency + " concurrent", f.sessionsPerMinute(), Unit.of("sessions/min")),
                Row.of("memory per idle session", f.idleSessionMb(), Unit.of("MB"))));
    }
}
