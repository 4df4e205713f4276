package io.sandmle.runner.generate;

import io.sandmle.api.EnvironmentGenerator;
import io.sandmle.api.Executor;
import io.sandmle.api.GenerationContext;
import io.sandmle.api.GenerationOutcome;
import io.sandmle.api.GenerationRequest;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Scale;
import io.sandmle.api.TaskDna;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates tasks for many seeds with a few seeds in flight at once (reference solutions dominate the time and
 * each runs in its own sandbox). Outcomes come back in seed order whatever the scheduling, so the manifest is
 * deterministic.
 */
public final class GenerationRun {

    private final EnvironmentGenerator generator;
    private final Executor executor;
    private final LanguageModel model;
    private final int parallel;

    public GenerationRun(EnvironmentGenerator generator, Executor executor, LanguageModel model, int parallel) {
        this.generator = generator;
        this.executor = executor;
        this.model = model;
        this.parallel = Math.max(1, parallel);
    }

    /** One seed's outcomes. */
    public record SeedOutcomes(TaskDna seed, List<GenerationOutcome> outcomes) {
    }

    public List<SeedOutcomes> run(List<TaskDna> seeds, int perSeed, long seed, Scale scale, Path out,
                                  Map<String, String> options, ProgressBar progress) throws Exception {
        GenerationContext context = new GenerationContext() {
            @Override
            public Executor executor() {
                return executor;
            }

            @Override
            public Optional<LanguageModel> model() {
                return Optional.ofNullable(model);
            }

            @Override
            public void progress(GenerationOutcome outcome) {
                progress.step(outcome.kept());
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<SeedOutcomes>> futures = new ArrayList<>();
            for (TaskDna dna : seeds) {
                futures.add(pool.submit(() -> new SeedOutcomes(dna, generator.generate(
                        new GenerationRequest(dna, perSeed, seed, scale, out, options), context))));
            }
            List<SeedOutcomes> all = new ArrayList<>();
            for (Future<SeedOutcomes> f : futures) {
                try {
                    all.add(f.get());
                } catch (ExecutionException e) {
                    // A generator's one-sentence error (e.g. a missing model) reaches the user unwrapped.
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
            all.sort(Comparator.comparing(s -> s.seed().seedId()));
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
