package io.sandmle.cli.bench;

import io.sandmle.api.BenchContext;
import io.sandmle.api.BenchResult;
import io.sandmle.api.BenchResult.Row;
import io.sandmle.api.BenchResult.Unit;
import io.sandmle.api.Benchmark;
import io.sandmle.api.CurvePoint;
import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Scale;
import io.sandmle.api.TaskDna;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.config.SamplingConfig;
import io.sandmle.runner.config.TrainerConfig;
import io.sandmle.runner.generate.GenerationRun;
import io.sandmle.runner.generate.ProgressBar;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.run.Experiment;
import io.sandmle.support.Quantiles;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Real GRPO steps of the embedded policy through {@code sandmle train}'s path (an {@link Experiment}: rollout
 * engine, sandbox, synthetic grader, run store) on micro tasks generated from the first lite seeds; per step,
 * the policy update's wall time against the whole step's, read back from the run's learning curves. The
 * rollouts are what the update must stay small against: target under 5 % of the step.
 */
public final class GrpoBenchmark implements Benchmark {

    private static final double TARGET_SHARE_PERCENT = 5;
    private static final int EPOCHS = 4;
    private static final int PARALLEL = 2;

    /** How much training one run does. */
    private record Shape(int seeds, int steps, int tasksPerStep, int groupSize) {
    }

    private final Extensions extensions;

    @Inject
    public GrpoBenchmark(Extensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public String name() {
        return "grpo";
    }

    @Override
    public String description() {
        return "GRPO steps of the embedded policy through sandmle train's path on generated micro tasks: the policy "
                + "update's share of each step's wall time (the rest is the step's rollouts).";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        // Quick still trains on 3 tasks x G=4 per step: with fewer rollouts the update's fixed cost dominates a step.
        Shape shape = context.size().pick(new Shape(3, 2, 3, 4), new Shape(4, 5, 8, 4));
        Path runs = context.scratch();
        Path tasks = generateTasks(runs.resolve("tasks"), shape.seeds());
        ExperimentConfig config = config(runs, tasks, shape);
        List<CurvePoint> curves;
        try (Experiment experiment = Experiment.open(config, extensions)) {
            experiment.train(false, System.err);
            curves = experiment.store().curves();
        }
        double[] update = values(curves, "update_seconds");
        double[] step = values(curves, "step_seconds");
        double[] sharePercent = new double[step.length];
        context.out().printf(Locale.ROOT, "%-5s %12s %12s %10s%n", "step", "step s", "update s", "update %");
        for (int i = 0; i < step.length; i++) {
            sharePercent[i] = 100 * update[i] / step[i];
            context.out().printf(Locale.ROOT, "%-5d %12.2f %12.3f %9.2f%%%n", i + 1, step[i], update[i],
                    sharePercent[i]);
        }
        double medianShare = Quantiles.median(sharePercent);
        String per = " (" + shape.tasksPerStep() + " tasks x G=" + shape.groupSize() + ", " + EPOCHS + " epochs)";
        return new BenchResult(List.of(
                Row.of("update share of a training step" + per, medianShare, Unit.PERCENT)
                        .withTarget("< " + (int) TARGET_SHARE_PERCENT + " %", medianShare < TARGET_SHARE_PERCENT),
                Row.of("largest update share of a step", Arrays.stream(sharePercent).max().orElse(0), Unit.PERCENT),
                Row.of("training step (rollouts + update)", Quantiles.median(step), Unit.SECONDS),
                Row.of("policy update", Quantiles.median(update), Unit.SECONDS)));
    }

    /** Micro tasks from the first lite seeds, one per seed, generated and verified as {@code sandmle generate} does. */
    private Path generateTasks(Path dir, int seedCount) throws Exception {
        List<TaskDna> seeds = extensions.create(ExtensionKind.SEED_CATALOG, "builtin").select("lite").stream()
                .limit(seedCount).toList();
        try (Executor executor = extensions.create(ExtensionKind.EXECUTOR, "local")) {
            new GenerationRun(extensions.create(ExtensionKind.GENERATOR, "procedural"), executor, null, PARALLEL)
                    .run(seeds, 1, 0, Scale.MICRO, dir, Map.of(), new ProgressBar(System.err, seeds.size()));
        }
        return dir;
    }

    private static ExperimentConfig config(Path runs, Path tasks, Shape shape) {
        TrainerConfig trainer = new TrainerConfig("grpo", "dense", "embedded", tasks.toAbsolutePath(), shape.steps(),
                shape.groupSize(), shape.tasksPerStep(), shape.steps(), 0L,
                Map.of("epochs", String.valueOf(EPOCHS), "learning-rate", "0.05"));
        return ExperimentConfig.builder("bench-grpo").runsDir(runs).suite("synthetic", tasks, List.of())
                .scaffolds("react").sampling(new SamplingConfig(1.0, null, null)).executor("local", PARALLEL)
                .budget(6, Duration.ofMinutes(30), Duration.ofSeconds(60)).trainer(trainer).build();
    }

    private static double[] values(List<CurvePoint> curves, String metric) {
        return curves.stream().filter(p -> p.metric().equals(metric)).mapToDouble(CurvePoint::value).toArray();
    }
}
