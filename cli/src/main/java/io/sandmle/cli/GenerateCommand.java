package io.sandmle.cli;

import io.sandmle.api.EnvironmentGenerator;
import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Scale;
import io.sandmle.api.TaskDna;
import io.sandmle.runner.generate.GenerationManifest;
import io.sandmle.runner.generate.GenerationRun;
import io.sandmle.runner.generate.ProgressBar;
import io.sandmle.runner.plugins.Extensions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sandmle generate}: SandMLE synthetic tasks from seed competitions, verified, with a kept/dropped table
 * and a manifest (ok list plus a train/validation split). Generators, the seed catalog, executors and policies
 * are all reached through the SPI.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate verified micro-scale synthetic MLE tasks from seed competitions (SandMLE).")
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--seeds", required = true, paramLabel = "<ids|lite|all>",
            description = "Seed competitions: 'lite', 'all' or comma-separated ids from the seed catalog.")
    String seeds;

    @Option(names = "--per-seed", defaultValue = "2", description = "Tasks to attempt per seed (default: ${DEFAULT-VALUE}).")
    int perSeed;

    @Option(names = "--out", required = true, description = "Folder the task folders and manifest.json are written to.")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed; the same seed gives byte-identical tasks.")
    long seed;

    @Option(names = "--generator", defaultValue = "procedural", description = "Generator extension (procedural, llm).")
    String generator;

    @Option(names = "--scale", defaultValue = "micro", description = "micro (50-200 training rows) or full (20k-100k).")
    String scale;

    @Option(names = "--executor", defaultValue = "local", description = "Executor the reference solutions run in.")
    String executor;

    @Option(names = "--parallel", defaultValue = "2", description = "Seeds generated at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--sandmle-evaluator", description = "Also write a SandMLE-compatible evaluator.py into each task.")
    boolean sandmleEvaluator;

    @Option(names = "--policy", description = "Policy extension driving the llm generator (e.g. openai).")
    String policy;

    @Option(names = "--policy-setting", paramLabel = "key=value", description = "Settings of the policy (base_url, model ...).")
    Map<String, String> policySettings = new LinkedHashMap<>();

    @Option(names = "--catalog", defaultValue = "builtin", description = "Seed-catalog extension (default: ${DEFAULT-VALUE}).")
    String catalog;

    @Mixin
    PluginPathOption pluginPath;

    @Override
    public Integer call() throws Exception {
        Scale size = parseScale(scale);
        Extensions ext = pluginPath.load();
        List<TaskDna> chosen = ext.create(ExtensionKind.SEED_CATALOG, catalog).select(seeds);
        EnvironmentGenerator gen = ext.create(ExtensionKind.GENERATOR, generator);
        LanguageModel model = policy == null ? null : ext.create(ExtensionKind.POLICY, policy).create(policySettings);
        Files.createDirectories(out);
        Map<String, String> options = sandmleEvaluator ? Map.of("sandmle-evaluator", "true") : Map.of();
        long start = System.nanoTime();
        List<GenerationRun.SeedOutcomes> outcomes;
        try (Executor ex = ext.create(ExtensionKind.EXECUTOR, executor)) {
            outcomes = new GenerationRun(gen, ex, model, parallel).run(chosen, perSeed, seed, size, out, options,
                    new ProgressBar(System.err, chosen.size() * perSeed));
        }
        GenerationManifest manifest = new GenerationManifest(outcomes);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("seeds", seeds);
        request.put("per_seed", perSeed);
        request.put("seed", seed);
        request.put("generator", generator);
        request.put("scale", size.name().toLowerCase(Locale.ROOT));
        manifest.write(out, request);
        System.out.print(manifest.table());
        System.out.printf(Locale.ROOT, "%d seeds x %d tasks in %.1f s; manifest: %s%n", chosen.size(), perSeed,
                (System.nanoTime() - start) / 1e9, out.resolve("manifest.json"));
        return manifest.ok().isEmpty() ? SandmleCommand.FAILED : SandmleCommand.OK;
    }

    static Scale parseScale(String text) {
        try {
            return Scale.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--scale must be 'micro' or 'full', not '" + text + "'.");
        }
    }
}
