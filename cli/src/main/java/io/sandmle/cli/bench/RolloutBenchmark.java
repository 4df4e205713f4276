package io.sandmle.cli.bench;

import io.sandmle.api.BenchContext;
import io.sandmle.api.BenchResult;
import io.sandmle.api.BenchResult.Row;
import io.sandmle.api.BenchResult.Unit;
import io.sandmle.api.Benchmark;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Grader;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Task;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.RunStoreSink;
import io.sandmle.runner.run.Experiment;
import io.sandmle.support.doubles.MicroTask;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ReAct episodes of at most {@value #TURNS} turns of the embedded policy on a micro task through the whole
 * harness (rollout engine, scaffold, sandboxed environment on warm workers, run store; opened as an
 * {@link Experiment}, as {@code sandmle eval} does), against the same code step and Score called straight on
 * the environment. Reports episodes per minute (with the executor's zygote, against workers that import the ML
 * libraries themselves, measured first in the same run) and the harness's own time per turn, with their targets.
 */
public final class RolloutBenchmark implements Benchmark {

    /** Turns per episode: the targets are stated for episodes of three turns. */
    static final int TURNS = 3;
    private static final int PARALLEL = 4;
    private static final double TARGET_EPISODES_PER_MINUTE = 20;
    /** Episodes per minute with the zygote over those of workers that import for themselves (issue 15). */
    private static final double TARGET_SPEED_UP = 3;
    private static final double TARGET_HARNESS_MICROS_PER_TURN = 20_000;

    private final Extensions extensions;

    @Inject
    public RolloutBenchmark(Extensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public String name() {
        return "rollout";
    }

    @Override
    public String description() {
        return "ReAct episodes (embedded policy, 3 turns, 4 parallel) through engine, sandbox and run store: episodes "
                + "per minute with the zygote against workers importing for themselves, the harness's own time per "
                + "turn, and CPU per episode against its code steps' CPU; baseline: the same step and Score called "
                + "directly, 4 parallel.";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        int episodes = context.size().pick(12, 24);
        Path dir = context.scratch();
        Path tasks = dir.resolve("tasks");
        Task task = MicroTask.create(tasks.resolve("micro-task")).task();
        // The baseline first: every episode's worker importing the ML libraries itself, as before the zygote.
        RolloutTimes.Result importing = measure(task, tasks, dir.resolve("importing"), episodes, false);
        RolloutTimes.Result r = measure(task, tasks, dir.resolve("zygote"), episodes, true);
        context.out().printf(Locale.ROOT, "%d ReAct episodes (embedded policy, local executor, %d parallel) in %.1f s;"
                        + " %.0f turns per episode (median), %d turns%n", r.episodes(), r.parallel(), r.wallSeconds(),
                r.medianTurnsPerEpisode(), r.turns());
        context.out().printf(Locale.ROOT, "episodes per minute: %.1f with the zygote, %.1f with workers importing for "
                + "themselves%n", r.episodesPerMinute(), importing.episodesPerMinute());
        context.out().printf(Locale.ROOT, "harness per turn: median %.1f µs, p90 %.1f µs, max %.1f µs%n",
                r.medianHarnessMicrosPerTurn(), r.p90HarnessMicrosPerTurn(), r.maxHarnessMicrosPerTurn());
        context.out().printf(Locale.ROOT, "CPU per episode: %.2f s in all, of which its code steps %.2f s (workers "
                        + "importing for themselves: %.2f s, steps %.2f s)%n", r.cpuSecondsPerEpisode(),
                r.stepCpuSecondsPerEpisode(), importing.cpuSecondsPerEpisode(), importing.stepCpuSecondsPerEpisode());
        double speedUp = r.episodesPerMinute() / importing.episodesPerMinute();
        return new BenchResult(List.of(
                Row.of("wall time per episode (" + r.parallel() + " parallel), zygote vs workers importing for "
                                + "themselves", 60 / r.episodesPerMinute(), Unit.SECONDS)
                        .withBaseline(60 / importing.episodesPerMinute())
                        .withTarget(">= " + (int) TARGET_SPEED_UP + "x", speedUp >= TARGET_SPEED_UP),
                Row.of("ReAct episode vs the same steps called directly, both " + r.parallel() + " parallel",
                        r.medianEpisodeMillis(), Unit.MILLISECONDS).withBaseline(r.medianBaselineMillis()),
                Row.of("CPU per episode (JVM, sandboxes, workers) vs its code steps' CPU", r.cpuSecondsPerEpisode(),
                        Unit.SECONDS).withBaseline(r.stepCpuSecondsPerEpisode()),
                Row.of("episodes per minute (" + r.parallel() + " parallel)", r.episodesPerMinute(), Unit.of("ep/min"))
                        .withTarget(">= " + (int) TARGET_EPISODES_PER_MINUTE,
                                r.episodesPerMinute() >= TARGET_EPISODES_PER_MINUTE),
                Row.of("harness time per turn", r.medianHarnessMicrosPerTurn(), Unit.MICROSECONDS)
                        .withTarget("<= 20 ms", r.medianHarnessMicrosPerTurn() <= TARGET_HARNESS_MICROS_PER_TURN),
                Row.of("harness time per turn, p90", r.p90HarnessMicrosPerTurn(), Unit.MICROSECONDS),
                Row.of("model time per turn", r.medianModelMillisPerTurn(), Unit.MILLISECONDS)));
    }

    /** {@code episodes} episodes of the micro task in a fresh experiment (and so a fresh executor and zygote). */
    private RolloutTimes.Result measure(Task task, Path tasks, Path dir, int episodes, boolean zygote) throws Exception {
        ExperimentConfig config = ExperimentConfig.builder("bench-rollout").runsDir(dir.resolve("runs"))
                .suite("synthetic", tasks, List.of()).scaffolds("react")
                .executor("local", PARALLEL, Map.of("zygote", Boolean.toString(zygote)))
                .budget(TURNS, Duration.ofMinutes(5), Duration.ofMinutes(1)).build();
        Grader grader = extensions.create(ExtensionKind.SUITE, "synthetic").grader(task);
        LanguageModel policy = extensions.create(ExtensionKind.POLICY, "embedded").create(Map.of());
        try (Experiment experiment = Experiment.open(config, extensions)) {
            return new RolloutTimes(extensions, experiment.environments(), policy, config.budget().toBudget())
                    .run(List.of(task), t -> grader, episodes, PARALLEL, new RunStoreSink(experiment.store()),
                            dir.resolve("baseline"));
        }
    }
}
