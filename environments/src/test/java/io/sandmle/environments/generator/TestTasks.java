package io.sandmle.environments.generator;

import io.sandmle.api.Executor;
import io.sandmle.api.GenerationContext;
import io.sandmle.api.GenerationOutcome;
import io.sandmle.api.GenerationRequest;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Scale;
import io.sandmle.api.TaskDna;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Shared helpers for generator tests: the test executor, a context, and "give me one kept task of seed X". */
final class TestTasks {

    static final BuiltInSeedCatalog CATALOG = new BuiltInSeedCatalog();
    static final Executor EXECUTOR = new SubprocessExecutor();

    private TestTasks() {
    }

    static GenerationContext context(LanguageModel model) {
        return context(model, EXECUTOR);
    }

    static GenerationContext context(LanguageModel model, Executor executor) {
        return new GenerationContext() {
            @Override
            public Executor executor() {
                return executor;
            }

            @Override
            public Optional<LanguageModel> model() {
                return Optional.ofNullable(model);
            }
        };
    }

    static TaskDna seed(String id) {
        return CATALOG.find(id).orElseThrow();
    }

    /** The first kept task of a seed, trying seeds 1, 2, … (at most 4 attempts). */
    static Path keptTask(String seedId, Path out) {
        List<String> drops = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            GenerationOutcome o = new ProceduralGenerator().generate(
                    new GenerationRequest(seed(seedId), 1, seed, Scale.MICRO, out), context(null)).get(0);
            if (o.kept()) {
                return o.dir();
            }
            drops.add(o.dropReason());
        }
        throw new AssertionError(seedId + " produced no kept task in 4 attempts: " + drops);
    }

    /** The rung of a generated task's best reference family, from the scores task.json records. */
    static String bestRung(Path task) {
        io.sandmle.api.Task t = new io.sandmle.environments.suites.SyntheticSuite().load(task, java.util.Map.of()).get(0);
        java.util.Map<String, Double> scores = new java.util.HashMap<>();
        t.attributes().forEach((key, value) -> {
            if (key.startsWith("reference_score.")) {
                scores.put(key.substring("reference_score.".length()), Double.parseDouble(value));
            }
        });
        return Calibration.bestRung(scores, t.lowerIsBetter());
    }

    /** A copy of a task folder, to break without touching the original. */
    static Path copy(Path task, Path into) throws Exception {
        Path target = into.resolve(task.getFileName());
        try (Stream<Path> all = Files.walk(task)) {
            for (Path p : all.toList()) {
                Path q = target.resolve(task.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        return target;
    }
}
