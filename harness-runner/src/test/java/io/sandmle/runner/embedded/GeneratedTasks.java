package io.sandmle.runner.embedded;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.Executor;
import io.sandmle.api.GenerationContext;
import io.sandmle.api.GenerationOutcome;
import io.sandmle.api.GenerationRequest;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Limits;
import io.sandmle.api.SandboxException;
import io.sandmle.api.Scale;
import io.sandmle.api.Task;
import io.sandmle.environments.generator.BuiltInSeedCatalog;
import io.sandmle.environments.generator.ProceduralGenerator;
import io.sandmle.environments.suites.SyntheticSuite;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.runner.env.SandboxedEnvironment;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.FirstPrompt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One kept micro task per seed below, made by the procedural generator with the real sandbox (the {@code local}
 * executor), covering every modality and the generator's target kinds; generated once per test JVM and shared by
 * the embedded-policy tests that read and solve them.
 */
final class GeneratedTasks {

    /** Seed id per case: every modality, and binary, multiclass, multi-label, ranking and regression targets. */
    static final List<String> SEEDS = List.of(
            "spaceship-titanic",                              // tabular, binary labels, empty cells
            "playground-series-s3e13",                        // tabular, ranking (MAP@3)
            "jigsaw-toxic-comment-classification-challenge",  // text, multi-label
            "aptos2019-blindness-detection",                  // image, ordinal grades (QWK)
            "mlsp-2013-birds",                                // audio, multi-label
            "ventilator-pressure-prediction",                 // time series, regression
            "champs-scalar-coupling",                         // graph, regression
            "leaf-classification");                           // multi-modal, class probabilities

    private static Map<String, Task> tasks;

    private GeneratedTasks() {
    }

    /** Seed id to its task, in {@link #SEEDS} order. */
    static synchronized Map<String, Task> all() {
        if (tasks == null) {
            tasks = generate();
        }
        return tasks;
    }

    private static Map<String, Task> generate() {
        try (LocalExecutor sandbox = new LocalExecutor()) {
            Path out = Files.createTempDirectory("sandmle-generated-");
            GenerationContext context = new GenerationContext() {
                @Override
                public Executor executor() {
                    return sandbox;
                }

                @Override
                public Optional<LanguageModel> model() {
                    return Optional.empty();
                }
            };
            Map<String, Task> kept = new LinkedHashMap<>();
            for (String seedId : SEEDS) {
                kept.put(seedId, new SyntheticSuite().load(keptTask(seedId, out, context), Map.of()).get(0));
            }
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first kept task of a seed over generator seeds 1..4 (a drop is the verifier doing its job). */
    private static Path keptTask(String seedId, Path out, GenerationContext context) {
        List<String> drops = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            GenerationOutcome o = new ProceduralGenerator().generate(new GenerationRequest(
                    new BuiltInSeedCatalog().find(seedId).orElseThrow(), 1, seed, Scale.MICRO, out), context).get(0);
            if (o.kept()) {
                return o.dir();
            }
            drops.add(o.dropReason());
        }
        throw new AssertionError(seedId + " produced no kept task in 4 attempts: " + drops);
    }

    /** A sandboxed episode environment on the task, as rollouts open them. */
    static SandboxedEnvironment environment(Task task, LocalExecutor sandbox, Path episodeDir) throws SandboxException {
        return SandboxedEnvironment.open(task, new SyntheticSuite().grader(task), sandbox, episodeDir,
                Limits.defaults().withWallTime(Duration.ofSeconds(120)));
    }

    /** The first chat the real ReAct scaffold sends a policy on this environment's task. */
    static List<ChatMessage> reactPrompt(SandboxedEnvironment env) {
        return FirstPrompt.of(Extensions.load(List.of()), "react", env);
    }
}
