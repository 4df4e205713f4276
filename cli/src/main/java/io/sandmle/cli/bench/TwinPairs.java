package io.sandmle.cli.bench;

import io.sandmle.api.EnvironmentGenerator;
import io.sandmle.api.Executor;
import io.sandmle.api.GenerationOutcome;
import io.sandmle.api.Modality;
import io.sandmle.api.Scale;
import io.sandmle.api.SeedCatalog;
import io.sandmle.api.Task;
import io.sandmle.api.TaskDna;
import io.sandmle.runner.env.TaskFolder;
import io.sandmle.runner.generate.GenerationRun;
import io.sandmle.runner.generate.ProgressBar;
import io.sandmle.runner.plugins.Extensions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Generates, for one modality, a kept micro task and its kept full-size twin (same DNA, domain and hidden rule)
 * from the first of the modality's seeds that yields both; the generation benchmark times the same reference
 * solution on the two.
 */
final class TwinPairs {

    /** A micro task and its full-size twin. */
    record Pair(Task micro, Task full) {
    }

    /** Seeds of a modality tried before giving up on it (generation may drop a task). */
    private static final int SEEDS_TRIED = 3;

    private final Extensions extensions;
    private final SeedCatalog catalog;
    private final GenerationRun run;
    private final long seed;
    private final Path dir;

    TwinPairs(Extensions extensions, SeedCatalog catalog, EnvironmentGenerator generator, Executor executor, long seed,
              Path dir) {
        this.extensions = extensions;
        this.catalog = catalog;
        this.run = new GenerationRun(generator, executor, null, 1);
        this.seed = seed;
        this.dir = dir;
    }

    /** The pair of the first seed of {@code modality} that keeps both sizes, or empty when none does. */
    Optional<Pair> pair(Modality modality) {
        for (TaskDna dna : catalog.seeds().stream().filter(s -> s.modality() == modality).limit(SEEDS_TRIED).toList()) {
            try {
                Optional<Path> micro = kept(dna, Scale.MICRO);
                Optional<Path> full = micro.isEmpty() ? Optional.empty() : kept(dna, Scale.FULL);
                if (full.isPresent()) {
                    return Optional.of(new Pair(task(micro.get()), task(full.get())));
                }
            } catch (Exception e) {
                System.err.println("sandmle: " + dna.seedId() + " twin failed: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private Optional<Path> kept(TaskDna dna, Scale scale) throws Exception {
        List<GenerationOutcome> outcomes = run.run(List.of(dna), 1, seed, scale, dir.resolve(scale.name().toLowerCase(Locale.ROOT)),
                Map.of(), new ProgressBar(System.err, 1)).get(0).outcomes();
        return outcomes.get(0).kept() ? Optional.of(outcomes.get(0).dir()) : Optional.empty();
    }

    private Task task(Path folder) {
        return TaskFolder.load(folder, extensions).task();
    }
}
