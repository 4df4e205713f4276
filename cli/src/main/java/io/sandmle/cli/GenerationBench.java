package io.sandmle.cli;

import io.sandmle.api.EnvironmentGenerator;
import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.GenerationOutcome;
import io.sandmle.api.Modality;
import io.sandmle.api.Scale;
import io.sandmle.api.SeedCatalog;
import io.sandmle.api.Task;
import io.sandmle.api.TaskDna;
import io.sandmle.cli.bench.ReferenceStepTimes;
import io.sandmle.runner.generate.DiversityReport;
import io.sandmle.cli.bench.BenchTable;
import io.sandmle.runner.generate.GenerationManifest;
import io.sandmle.runner.generate.GenerationRun;
import io.sandmle.runner.generate.ProgressBar;
import io.sandmle.runner.plugins.Extensions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sandmle bench generation}: (1) throughput — N seeds x 2 tasks generated and verified, wall time and
 * kept/dropped; (2) diversity of what was kept against the seeds' mix; (3) per modality, the per-step time of
 * the same reference solution on a micro task and on its full-size twin, warm and cold (median of repeats, and the ratio).
 */
@Command(name = "generation", mixinStandardHelpOptions = true,
        description = "Time SandMLE task generation, report diversity, and the micro vs full-twin step speed-up.")
public final class GenerationBench implements Callable<Integer> {

    /** SandMLE's per-step speed-up of synthetic over real tasks (196.17 s vs 14.31 s). */
    private static final double SANDMLE_SPEED_UP = 13.7;

    @Option(names = "--seeds", defaultValue = "60", description = "Seeds for the throughput run: lite first, then catalog order.")
    int seedCount;

    @Option(names = "--per-seed", defaultValue = "2", description = "Tasks per seed in the throughput run.")
    int perSeed;

    @Option(names = "--parallel", defaultValue = "2", description = "Seeds generated at once.")
    int parallel;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed runs of the reference solution per task.")
    int repeats;

    @Option(names = "--skip-throughput", description = "Only measure the micro vs full-twin step times.")
    boolean skipThroughput;

    @Option(names = "--skip-twins", description = "Only measure throughput and diversity.")
    boolean skipTwins;

    @Option(names = "--modalities", split = ",", description = "Modalities whose micro vs full-twin step is timed "
            + "(default: all).")
    List<Modality> modalities = List.of(Modality.values());

    @Option(names = "--out", description = "Keep the generated tasks here (default: a temporary folder); twins kept "
            + "there by an earlier run with the same --seed are timed again without generating them again.")
    Path out;

    @Option(names = "--executor", defaultValue = "local", description = "Executor the reference solutions run in.")
    String executor;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed.")
    long seed;

    @Mixin
    PluginPathOption pluginPath;

    @Override
    public Integer call() throws Exception {
        Extensions ext = pluginPath.load();
        SeedCatalog catalog = ext.create(ExtensionKind.SEED_CATALOG, "builtin");
        EnvironmentGenerator generator = ext.create(ExtensionKind.GENERATOR, "procedural");
        Path root = out != null ? Files.createDirectories(out) : Files.createTempDirectory("sandmle-bench-generation");
        try (Executor ex = ext.create(ExtensionKind.EXECUTOR, executor)) {
            if (!skipThroughput) {
                throughput(ext, catalog, generator, ex, root.resolve("throughput"));
            }
            if (!skipTwins) {
                twins(catalog, generator, ex, root.resolve("twins"));
            }
        }
        return SandmleCommand.OK;
    }

    private void throughput(Extensions ext, SeedCatalog catalog, EnvironmentGenerator generator, Executor ex,
                            Path dir) throws Exception {
        List<TaskDna> seeds = new ArrayList<>(catalog.select("lite"));
        catalog.seeds().stream().filter(s -> !seeds.contains(s)).forEach(seeds::add);
        List<TaskDna> chosen = seeds.subList(0, Math.min(seedCount, seeds.size()));
        long start = System.nanoTime();
        List<GenerationRun.SeedOutcomes> outcomes = new GenerationRun(generator, ex, null, parallel).run(chosen,
                perSeed, seed, Scale.MICRO, dir, Map.of(), new ProgressBar(System.err, chosen.size() * perSeed));
        double seconds = (System.nanoTime() - start) / 1e9;
        GenerationManifest manifest = new GenerationManifest(outcomes);
        System.out.printf(Locale.ROOT, "## Throughput%n%d seeds x %d tasks, %d in parallel: %.1f s wall (%.1f min), "
                        + "%.2f s per attempted task; %d kept (%.0f%%).%n%n", chosen.size(), perSeed, parallel, seconds,
                seconds / 60, seconds / (chosen.size() * perSeed), manifest.ok().size(),
                100.0 * manifest.ok().size() / (chosen.size() * perSeed));
        BenchTable.record(new BenchTable.Row("generation: seconds per attempted micro task", seconds
                / (chosen.size() * perSeed), Double.NaN, "s", "-", null));
        System.out.println(manifest.table());
        List<Task> kept = ext.create(ExtensionKind.SUITE, "synthetic").load(dir, Map.of());
        System.out.println("## Diversity");
        System.out.println(new DiversityReport(chosen, kept).markdown());
    }

    private void twins(SeedCatalog catalog, EnvironmentGenerator generator, Executor ex, Path dir) throws Exception {
        System.out.println("## Per-step time of the same reference solution: micro task vs full-size twin");
        System.out.println("Warm: a step in an open episode, as rollouts run it. Cold: a fresh sandboxed Python per step.");
        System.out.println("| modality | seed | micro rows | full rows | warm micro s | warm full s | warm speed-up "
                + "| cold micro s | cold full s | cold speed-up |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        try (ReferenceStepTimes timer = new ReferenceStepTimes(repeats)) {
            for (Modality modality : modalities) {
                Task[] pair = twinPair(catalog, generator, ex, dir, modality);
                if (pair == null) {
                    System.out.printf("| %s | (no seed kept both sizes) | | | | | | | | |%n", modality);
                    continue;
                }
                ReferenceStepTimes.Medians micro = timer.measure(pair[0], referenceCode(pair[0]));
                ReferenceStepTimes.Medians full = timer.measure(pair[1], referenceCode(pair[1]));
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %.2f | %.1fx | %.2f | %.2f | %.1fx |%n",
                        modality, pair[0].category(), pair[0].attributes().get("train_rows"),
                        pair[1].attributes().get("train_rows"), micro.warm(), full.warm(),
                        full.warm() / micro.warm(), micro.cold(), full.cold(), full.cold() / micro.cold());
                BenchTable.record(new BenchTable.Row("generation: warm reference step, micro task vs full twin ("
                        + modality + ")", micro.warm(), full.warm(), "s", ">= " + SANDMLE_SPEED_UP + "x",
                        full.warm() / micro.warm() >= SANDMLE_SPEED_UP));
                BenchTable.record(new BenchTable.Row("generation: cold reference step, micro task vs full twin ("
                        + modality + ")", micro.cold(), full.cold(), "s", "-", null));
            }
        }
    }

    /** A kept micro task and its kept full twin for the first seed of the modality that yields both. */
    private Task[] twinPair(SeedCatalog catalog, EnvironmentGenerator generator, Executor ex, Path dir,
                            Modality modality) {
        GenerationRun run = new GenerationRun(generator, ex, null, 1);
        for (TaskDna dna : catalog.seeds().stream().filter(s -> s.modality() == modality).limit(3).toList()) {
            try {
                Path micro = keptDir(run, dna, Scale.MICRO, dir.resolve("micro"));
                Path full = micro == null ? null : keptDir(run, dna, Scale.FULL, dir.resolve("full"));
                if (full != null) {
                    return new Task[] {task(micro), task(full)};
                }
            } catch (Exception e) {
                System.err.println("sandmle: " + dna.seedId() + " twin failed: " + e.getMessage());
            }
        }
        return null;
    }

    private Path keptDir(GenerationRun run, TaskDna dna, Scale scale, Path dir) throws Exception {
        Path earlier = earlierTask(dna, dir);
        if (earlier != null) {
            return earlier;
        }
        List<GenerationOutcome> outcomes = run.run(List.of(dna), 1, seed, scale, dir, Map.of(),
                new ProgressBar(System.err, 1)).get(0).outcomes();
        return outcomes.get(0).kept() ? outcomes.get(0).dir() : null;
    }

    /**
     * The task an earlier run with the same {@code --out} and {@code --seed} kept for this seed competition, so
     * that timing again does not generate again (generation is deterministic; dropped tasks leave no folder).
     */
    private Path earlierTask(TaskDna dna, Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve("task.json"))).sorted().toList()) {
                Map<String, String> attributes = task(folder).attributes();
                if (dna.seedId().equals(attributes.get("seed_id")) && String.valueOf(seed).equals(attributes.get("seed"))) {
                    return folder;
                }
            }
        }
        return null;
    }

    private static String referenceCode(Task task) throws Exception {
        return Files.readString(task.root().resolve(task.attributes().get("reference_solution")));
    }

    private static Task task(Path dir) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(dir.resolve("task.json").toFile(), Task.class).withRoot(dir);
    }
}
