package io.sandmle.cli;

import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Grader;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Limits;
import io.sandmle.api.Task;
import io.sandmle.cli.bench.BenchTable;
import io.sandmle.support.doubles.MicroTask;
import io.sandmle.cli.bench.RolloutBenchmark;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.EnvironmentFactory;
import io.sandmle.runner.rollout.RunStoreSink;
import io.sandmle.runner.rollout.SandboxedEnvironments;
import io.sandmle.runner.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sandmle bench rollout}: ReAct episodes of at most three turns on a micro task
 * through the whole harness (engine, scaffold, sandboxed environment on warm workers, run store), against the
 * same code step and Score called straight on the environment. Reports episodes per minute and the harness's
 * own time per turn (everything but model and environment calls), with the targets.
 */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = "Episodes per minute and harness overhead per turn, against the same steps run directly.")
public final class BenchRolloutCommand implements Callable<Integer> {

    static final double TARGET_EPISODES_PER_MINUTE = 20;
    static final double TARGET_HARNESS_MILLIS_PER_TURN = 20;

    @Mixin
    PluginPathOption pluginPath;

    @Option(names = "--episodes", defaultValue = "24", description = "Measured episodes (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--parallel", defaultValue = "4", description = "Episodes at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--policy", defaultValue = "embedded",
            description = "The policy (default: ${DEFAULT-VALUE}; 'fixed-script' always writes one good script).")
    String policy;

    @Option(names = "--executor", defaultValue = "local", description = "Executor (default: ${DEFAULT-VALUE}).")
    String executorName;

    @Override
    public Integer call() throws Exception {
        Extensions extensions = pluginPath.load();
        Path tmp = Files.createTempDirectory("sandmle-bench-rollout");
        Task task = MicroTask.create(tmp.resolve("task")).task();
        Grader grader = extensions.create(ExtensionKind.SUITE, "synthetic").grader(task);
        LanguageModel model = extensions.create(ExtensionKind.POLICY, policy).create(Map.of());
        RolloutBenchmark.Result r;
        try (Executor executor = extensions.create(ExtensionKind.EXECUTOR, executorName);
             RunStore store = RunStore.open(tmp.resolve("run"))) {
            EnvironmentFactory environments = new SandboxedEnvironments(executor, Limits.defaults());
            r = new RolloutBenchmark(extensions, environments, model).run(List.of(task), t -> grader, episodes,
                    parallel, new RunStoreSink(store), tmp.resolve("baseline"));
        }
        System.out.printf("bench rollout: %d ReAct episodes (%s policy, %s executor, %d parallel) in %.1f s%n",
                r.episodes(), policy, executorName, r.parallel(), r.wallSeconds());
        System.out.printf("  turns per episode (median)      %.0f%n", r.medianTurnsPerEpisode());
        System.out.printf("  episode wall (median)           %.0f ms%n", r.medianEpisodeMillis());
        System.out.printf("  baseline: same steps direct     %.0f ms (episode / baseline = %.2f)%n",
                r.medianBaselineMillis(), r.episodeOverBaseline());
        System.out.printf("  model time per turn (median)    %.0f ms%n", r.medianModelMillisPerTurn());
        System.out.printf("  harness per turn                median %.2f ms, p90 %.2f ms, max %.0f ms over %d turns%n",
                r.medianHarnessMillisPerTurn(), r.p90HarnessMillisPerTurn(), r.maxHarnessMillisPerTurn(), r.turns());
        boolean rate = r.episodesPerMinute() >= TARGET_EPISODES_PER_MINUTE;
        boolean overhead = r.medianHarnessMillisPerTurn() <= TARGET_HARNESS_MILLIS_PER_TURN;
        System.out.printf("target episodes/min >= %.0f: %.1f %s%n", TARGET_EPISODES_PER_MINUTE, r.episodesPerMinute(),
                rate ? "MET" : "MISSED");
        System.out.printf("target harness ms/turn <= %.0f: %.2f %s%n", TARGET_HARNESS_MILLIS_PER_TURN,
                r.medianHarnessMillisPerTurn(), overhead ? "MET" : "MISSED");
        BenchTable.record(new BenchTable.Row("rollout: ReAct episode vs the same steps called directly",
                r.medianEpisodeMillis(), r.medianBaselineMillis(), "ms", "-", null));
        BenchTable.record(new BenchTable.Row("rollout: episodes per minute (" + r.parallel() + " parallel)",
                r.episodesPerMinute(), Double.NaN, "ep/min", ">= " + (int) TARGET_EPISODES_PER_MINUTE, rate));
        BenchTable.record(new BenchTable.Row("rollout: harness time per turn", r.medianHarnessMillisPerTurn(),
                Double.NaN, "ms", "<= " + (int) TARGET_HARNESS_MILLIS_PER_TURN + " ms", overhead));
        return rate && overhead ? SandmleCommand.OK : SandmleCommand.FAILED;
    }
}
