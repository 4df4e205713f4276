package io.sandmle.cli.bench;

import io.sandmle.support.Quantiles;
import io.sandmle.support.doubles.FixedScriptPolicy;

import io.sandmle.api.Budget;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Grader;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.Sampling;
import io.sandmle.api.SandboxException;
import io.sandmle.api.Scaffold;
import io.sandmle.api.Task;
import io.sandmle.api.Turn;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.EnvironmentFactory;
import io.sandmle.runner.rollout.EpisodeSink;
import io.sandmle.runner.rollout.EpisodeSpec;
import io.sandmle.runner.rollout.Progress;
import io.sandmle.runner.rollout.RolloutEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Measures rollout throughput and the harness's own cost per turn: {@code episodes} ReAct episodes of at most
 * {@value #TURNS} turns of a policy through the rollout engine ({@code parallel} at once), against a baseline measured in the same run
 * (the same code step and Score called straight on the environment, no scaffold, no engine, no store).
 */
public final class RolloutBenchmark {

    /** What one benchmark run measured. */
    public record Result(int episodes, int parallel, double wallSeconds, double episodesPerMinute, int turns,
                         double medianHarnessMillisPerTurn, double p90HarnessMillisPerTurn,
                         double maxHarnessMillisPerTurn, double medianModelMillisPerTurn, double medianEpisodeMillis,
                         double medianBaselineMillis, double medianTurnsPerEpisode) {

        /** How much longer an engine episode takes than the same steps called directly. */
        public double episodeOverBaseline() {
            return medianEpisodeMillis / medianBaselineMillis;
        }
    }

    /** Turns per episode: the target is stated for episodes of three turns. */
    static final int TURNS = 3;

    private final Extensions extensions;
    private final EnvironmentFactory environments;
    private final LanguageModel policy;

    public RolloutBenchmark(Extensions extensions, EnvironmentFactory environments, LanguageModel policy) {
        this.extensions = extensions;
        this.environments = environments;
        this.policy = policy;
    }

    /**
     * @param tasks   the micro tasks, used round-robin
     * @param graders each task's grader
     * @param sink    where the measured episodes are recorded (a throw-away run store)
     * @param scratch a folder for the baseline's episode folders
     */
    public Result run(List<Task> tasks, Function<Task, Grader> graders, int episodes, int parallel, EpisodeSink sink,
                      Path scratch) throws SandboxException {
        Budget budget = new Budget(TURNS, Duration.ofMinutes(5), Duration.ofMinutes(1));
        Function<String, Scaffold> scaffolds = name -> extensions.create(ExtensionKind.SCAFFOLD, name);
        RolloutEngine engine = new RolloutEngine("bench", scaffolds, environments, null, parallel);
        // Warm-up: workers start, classes load, the JIT compiles; none of it is measured.
        engine.run(plan(tasks, graders, "warmup", parallel, budget), sink, Progress.silent());
        long start = System.nanoTime();
        List<RolloutEngine.Outcome> outcomes = engine.run(plan(tasks, graders, "measured", episodes, budget), sink,
                Progress.silent());
        double wall = (System.nanoTime() - start) / 1e9;

        List<Double> harness = new ArrayList<>();
        List<Double> model = new ArrayList<>();
        List<Double> episodeMillis = new ArrayList<>();
        List<Double> turnsPerEpisode = new ArrayList<>();
        for (RolloutEngine.Outcome o : outcomes) {
            for (Turn turn : o.trajectory().turns()) {
                harness.add((double) turn.harnessMillis());
                model.add((double) turn.response().latencyMillis());
            }
            episodeMillis.add((double) o.trajectory().wallMillis());
            turnsPerEpisode.add((double) o.trajectory().turns().size());
        }
        List<Double> baseline = baseline(tasks, graders, Math.min(episodes, 10), scratch, budget);
        return new Result(outcomes.size(), parallel, wall, outcomes.size() / wall * 60, harness.size(),
                Quantiles.median(harness), Quantiles.quantile(harness, 0.9), Quantiles.max(harness), Quantiles.median(model),
                Quantiles.median(episodeMillis),
                Quantiles.median(baseline), Quantiles.median(turnsPerEpisode));
    }

    private List<EpisodeSpec> plan(List<Task> tasks, Function<Task, Grader> graders, String suite, int n,
                                   Budget budget) {
        List<EpisodeSpec> plan = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Task t = tasks.get(i % tasks.size());
            plan.add(new EpisodeSpec(suite, t, graders.apply(t), "react", policy.id(), policy, i, budget,
                    Sampling.defaults()));
        }
        return plan;
    }

    /** The same work without the harness: the episode's code step and Score, called one after the other. */
    private List<Double> baseline(List<Task> tasks, Function<Task, Grader> graders, int n, Path scratch,
                                  Budget budget) throws SandboxException {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Task t = tasks.get(i % tasks.size());
            String code = FixedScriptPolicy.script("\"data_path\": \"" + dataPath(t, graders, scratch, budget) + "\"");
            long start = System.nanoTime();
            try (MleEnvironment env = environments.open(t, graders.apply(t), scratch.resolve("baseline-" + i), budget)) {
                env.python(code);
                env.score();
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    /** Where the environment mounts the data, asked once (outside the timed part). */
    private String dataPath(Task t, Function<Task, Grader> graders, Path scratch, Budget budget)
            throws SandboxException {
        try (MleEnvironment env = environments.open(t, graders.apply(t), scratch.resolve("probe"), budget)) {
            return FixedScriptPolicy.dataDir(env.requestInfo("data_path").observation());
        }
    }
}
