package io.sandmle.cli;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Scale;
import io.sandmle.api.TaskDna;
import io.sandmle.cli.bench.BenchTable;
import io.sandmle.support.Quantiles;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.config.SamplingConfig;
import io.sandmle.runner.config.TrainerConfig;
import io.sandmle.runner.generate.GenerationRun;
import io.sandmle.runner.generate.ProgressBar;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.run.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sandmle bench grpo}: runs real GRPO steps of the embedded policy through {@code sandmle train}'s
 * path (rollout engine, sandbox, synthetic grader, run store) and compares, step by step, the policy
 * update's wall time with the whole step's (the rollouts are the baseline the update must stay small
 * against: target under 5% of the step).
 */
@Command(name = "grpo", mixinStandardHelpOptions = true,
        description = "Time the GRPO update against the rollouts of the same training steps (target: update < 5%%).")
public final class GrpoBench implements Callable<Integer> {

    /** The update's largest acceptable share of a step's wall time. */
    static final double TARGET_SHARE = 0.05;

    @Option(names = "--tasks", paramLabel = "<dir>",
            description = "A folder of synthetic task folders (default: micro tasks generated now from the first "
                    + "lite seeds, one per seed).")
    Path tasks;

    @Option(names = "--generate", defaultValue = "4",
            description = "Seeds to generate tasks from when --tasks is not given (default: ${DEFAULT-VALUE}).")
    int generate;

    @Option(names = "--steps", defaultValue = "5", description = "GRPO steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--tasks-per-step", defaultValue = "8", description = "Tasks per step (default: ${DEFAULT-VALUE}).")
    int tasksPerStep;

    @Option(names = "--group-size", defaultValue = "4", description = "Rollouts per task (default: ${DEFAULT-VALUE}).")
    int groupSize;

    @Option(names = "--epochs", defaultValue = "4", description = "Optimiser passes per step (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--parallel", defaultValue = "2", description = "Episodes at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--out", description = "Keep the run folder here (default: a temporary folder).")
    Path out;

    @Mixin
    PluginPathOption pluginPath;

    @Override
    public Integer call() throws Exception {
        Path runs = out != null ? out : Files.createTempDirectory("sandmle-bench-grpo");
        Extensions extensions = pluginPath.load();
        if (tasks == null) {
            tasks = generateTasks(extensions, runs.resolve("tasks"));
        } else if (!Files.isDirectory(tasks)) {
            throw new IllegalArgumentException(tasks + " is not a folder; give a folder of task folders (sandmle generate --out).");
        }
        ExperimentConfig config = config(runs);
        List<CurvePoint> curves;
        try (Experiment experiment = Experiment.open(config, extensions)) {
            experiment.train(false, System.err);
            curves = experiment.store().curves();
        }
        double[] update = values(curves, "update_seconds");
        double[] step = values(curves, "step_seconds");
        double[] share = new double[step.length];
        System.out.printf(Locale.ROOT, "%-5s %12s %12s %10s%n", "step", "step s", "update s", "update %");
        for (int i = 0; i < step.length; i++) {
            share[i] = update[i] / step[i];
            System.out.printf(Locale.ROOT, "%-5d %12.2f %12.3f %9.2f%%%n", i + 1, step[i], update[i], 100 * share[i]);
        }
        double median = Quantiles.median(share);
        System.out.printf(Locale.ROOT, "GRPO (%d tasks x G=%d per step, %d epochs): median step %.2f s, median update "
                        + "%.3f s, median update share %.2f%% (max %.2f%%); target < %.0f%%: %s%n", tasksPerStep,
                groupSize, epochs, Quantiles.median(step), Quantiles.median(update), 100 * median,
                100 * Arrays.stream(share).max().orElse(0), 100 * TARGET_SHARE,
                median < TARGET_SHARE ? "met" : "NOT met");
        System.err.println("sandmle: run folder " + config.runDir());
        BenchTable.record(new BenchTable.Row("grpo: update share of a training step (" + tasksPerStep + " tasks x G="
                + groupSize + ")", 100 * median, 100.0, "%", "< 5%", median < TARGET_SHARE));
        return median < TARGET_SHARE ? SandmleCommand.OK : SandmleCommand.FAILED;
    }

    /** Micro tasks from the first lite seeds, generated and verified the way {@code sandmle generate} does. */
    private Path generateTasks(Extensions extensions, Path dir) throws Exception {
        List<TaskDna> seeds = extensions.create(ExtensionKind.SEED_CATALOG, "builtin").select("lite").stream()
                .limit(generate).toList();
        System.err.println("sandmle: generating " + seeds.size() + " micro tasks into " + dir);
        try (Executor executor = extensions.create(ExtensionKind.EXECUTOR, "local")) {
            new GenerationRun(extensions.create(ExtensionKind.GENERATOR, "procedural"), executor, null, parallel)
                    .run(seeds, 1, 0, Scale.MICRO, dir, Map.of(), new ProgressBar(System.err, seeds.size()));
        }
        return dir;
    }

    private ExperimentConfig config(Path runs) {
        TrainerConfig trainer = new TrainerConfig("grpo", "dense", "embedded", tasks.toAbsolutePath(), steps, groupSize,
                tasksPerStep, steps, 0L, Map.of("epochs", String.valueOf(epochs), "learning-rate", "0.05"));
        return ExperimentConfig.builder("bench-grpo").runsDir(runs).suite("synthetic", tasks, List.of())
                .scaffolds("react").sampling(new SamplingConfig(1.0, null, null)).executor("local", parallel)
                .budget(6, Duration.ofMinutes(30), Duration.ofSeconds(60)).trainer(trainer).build();
    }

    private static double[] values(List<CurvePoint> curves, String metric) {
        return curves.stream().filter(p -> p.metric().equals(metric)).mapToDouble(CurvePoint::value).toArray();
    }
}
