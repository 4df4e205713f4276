package io.sandmle.cli.bench;

import io.sandmle.api.BenchContext;
import io.sandmle.api.BenchResult;
import io.sandmle.api.BenchResult.Row;
import io.sandmle.api.BenchResult.Unit;
import io.sandmle.api.Benchmark;
import io.sandmle.api.EnvironmentGenerator;
import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Modality;
import io.sandmle.api.Scale;
import io.sandmle.api.SeedCatalog;
import io.sandmle.api.Task;
import io.sandmle.api.TaskDna;
import io.sandmle.runner.generate.DiversityReport;
import io.sandmle.runner.generate.GenerationManifest;
import io.sandmle.runner.generate.GenerationRun;
import io.sandmle.runner.generate.ProgressBar;
import io.sandmle.runner.plugins.Extensions;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SandMLE task generation: (1) throughput, seeds x tasks generated and verified, with the kept share; (2) the
 * diversity of what was kept against the seeds' mix; (3) per modality, the per-step time of the same reference
 * solution on a micro task and on its full-size twin, warm and cold ({@link ReferenceStepTimes}), the full twin
 * being the baseline the micro task must beat by SandMLE's speed-up.
 */
public final class GenerationBenchmark implements Benchmark {

    /** SandMLE's per-step speed-up of synthetic over real tasks (196.17 s vs 14.31 s). */
    private static final double SANDMLE_SPEED_UP = 13.7;
    private static final int PARALLEL = 2;
    private static final long SEED = 0;

    /** How much one run generates and times. */
    private record Shape(int seeds, int perSeed, List<Modality> modalities, int repeats) {
    }

    private final Extensions extensions;

    @Inject
    public GenerationBenchmark(Extensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public String name() {
        return "generation";
    }

    @Override
    public String description() {
        return "SandMLE task generation: seconds per generated and verified micro task, diversity of the kept tasks, "
                + "and per modality a reference step on the micro task against its full-size twin, warm and cold.";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        // Quick: one twin, audio, the cheapest full twin to generate (about 40 s); full: all seven.
        Shape shape = context.size().pick(new Shape(4, 1, List.of(Modality.AUDIO), 1),
                new Shape(60, 2, List.of(Modality.values()), 3));
        SeedCatalog catalog = extensions.create(ExtensionKind.SEED_CATALOG, "builtin");
        EnvironmentGenerator generator = extensions.create(ExtensionKind.GENERATOR, "procedural");
        List<Row> rows = new ArrayList<>();
        try (Executor executor = extensions.create(ExtensionKind.EXECUTOR, "local")) {
            rows.addAll(throughput(context.out(), catalog, generator, executor, context.scratch().resolve("throughput"),
                    shape));
            TwinPairs twins = new TwinPairs(extensions, catalog, generator, executor, SEED,
                    context.scratch().resolve("twins"));
            rows.addAll(twinSteps(context.out(), twins, shape));
        }
        return new BenchResult(rows);
    }

    private List<Row> throughput(PrintStream out, SeedCatalog catalog, EnvironmentGenerator generator,
                                 Executor executor, Path dir, Shape shape) throws Exception {
        List<TaskDna> seeds = new ArrayList<>(catalog.select("lite"));
        catalog.seeds().stream().filter(s -> !seeds.contains(s)).forEach(seeds::add);
        List<TaskDna> chosen = seeds.subList(0, Math.min(shape.seeds(), seeds.size()));
        int attempted = chosen.size() * shape.perSeed();
        long start = System.nanoTime();
        List<GenerationRun.SeedOutcomes> outcomes = new GenerationRun(generator, executor, null, PARALLEL).run(chosen,
                shape.perSeed(), SEED, Scale.MICRO, dir, Map.of(), new ProgressBar(System.err, attempted));
        double seconds = (System.nanoTime() - start) / 1e9;
        GenerationManifest manifest = new GenerationManifest(outcomes);
        double keptPercent = 100.0 * manifest.ok().size() / attempted;
        out.printf(Locale.ROOT, "## Throughput%n%d seeds x %d tasks, %d in parallel: %.1f s wall (%.1f min), %.2f s per "
                        + "attempted task; %d kept (%.0f%%).%n%n", chosen.size(), shape.perSeed(), PARALLEL, seconds,
                seconds / 60, seconds / attempted, manifest.ok().size(), keptPercent);
        out.println(manifest.table());
        List<Task> kept = extensions.create(ExtensionKind.SUITE, "synthetic").load(dir, Map.of());
        out.println("## Diversity");
        out.println(new DiversityReport(chosen, kept).markdown());
        return List.of(Row.of("seconds per attempted micro task", seconds / attempted, Unit.SECONDS),
                Row.of("attempted micro tasks kept", keptPercent, Unit.PERCENT));
    }

    private List<Row> twinSteps(PrintStream out, TwinPairs twins, Shape shape) throws Exception {
        out.println("## Per-step time of the same reference solution: micro task vs full-size twin");
        out.println("Warm: a step in an open episode, as rollouts run it. Cold: a fresh sandboxed Python per step.");
        out.println("| modality | seed | micro rows | full rows | warm micro s | warm full s | warm speed-up "
                + "| cold micro s | cold full s | cold speed-up |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<Row> rows = new ArrayList<>();
        try (ReferenceStepTimes timer = new ReferenceStepTimes(shape.repeats())) {
            for (Modality modality : shape.modalities()) {
                Optional<TwinPairs.Pair> pair = twins.pair(modality);
                if (pair.isEmpty()) {
                    out.printf("| %s | (no seed kept both sizes) | | | | | | | | |%n", modality);
                    continue;
                }
                Task microTask = pair.get().micro();
                Task fullTask = pair.get().full();
                ReferenceStepTimes.Medians micro = timer.measure(microTask, referenceCode(microTask));
                ReferenceStepTimes.Medians full = timer.measure(fullTask, referenceCode(fullTask));
                out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %.2f | %.1fx | %.2f | %.2f | %.1fx |%n", modality,
                        microTask.category(), microTask.attributes().get("train_rows"),
                        fullTask.attributes().get("train_rows"), micro.warm(), full.warm(), full.warm() / micro.warm(),
                        micro.cold(), full.cold(), full.cold() / micro.cold());
                Row warm = Row.of("warm reference step, micro task vs full twin (" + modality + ")", micro.warm(),
                        Unit.SECONDS).withBaseline(full.warm());
                rows.add(warm.withTarget(">= " + SANDMLE_SPEED_UP + "x",
                        warm.speedUp().getAsDouble() >= SANDMLE_SPEED_UP));
                rows.add(Row.of("cold reference step, micro task vs full twin (" + modality + ")", micro.cold(),
                        Unit.SECONDS).withBaseline(full.cold()));
            }
        }
        return rows;
    }

    /**
     * The interactions rung's standalone script: the same solution on both sizes (the best family, task.json's
     * {@code reference_solution}, may differ between a micro task and its twin), and the one SandMLE's 13.7x
     * speed-up has been measured with here since the start.
     */
    private static String referenceCode(Task task) throws Exception {
        return Files.readString(task.root().resolve("reference/solution_interactions.py"));
    }
}
