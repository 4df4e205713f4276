package io.sandmle.cli.bench;

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
import io.sandmle.support.Quantiles;
import io.sandmle.support.doubles.FixedScriptPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Measures rollout throughput and the harness's own cost per turn: ReAct episodes of a policy through the
 * rollout engine ({@code parallel} at once), against a baseline measured in the same run with the same
 * parallelism (the same code step and Score called straight on the environment, no scaffold, no engine, no
 * store); and the CPU an episode costs in all (JVM, sandboxes, workers) against the CPU of its own code steps.
 */
final class RolloutTimes {

    /**
     * What one run measured. Harness time per turn is an episode's own harness time divided by its turns, so a
     * turn that carries most of it (the first, say) counts for all; medians and quantiles are over episodes.
     */
    record Result(int episodes, int parallel, double wallSeconds, double episodesPerMinute, int turns,
                  double medianHarnessMicrosPerTurn, double p90HarnessMicrosPerTurn, double maxHarnessMicrosPerTurn,
                  double medianModelMillisPerTurn, double medianEpisodeMillis, double medianBaselineMillis,
                  double medianTurnsPerEpisode, double cpuSecondsPerEpisode, double stepCpuSecondsPerEpisode) {
    }

    private final Extensions extensions;
    private final EnvironmentFactory environments;
    private final LanguageModel policy;
    private final Budget budget;

    /**
     * @param environments opens each episode's sandboxed environment (the experiment's)
     * @param budget       each episode's turns and time
     */
    RolloutTimes(Extensions extensions, EnvironmentFactory environments, LanguageModel policy, Budget budget) {
        this.extensions = extensions;
        this.environments = environments;
        this.policy = policy;
        this.budget = budget;
    }

    /**
     * @param tasks   the micro tasks, used round-robin
     * @param graders each task's grader
     * @param sink    where the measured episodes are recorded (the experiment's run store)
     * @param scratch a folder for the baseline's episode folders
     */
    Result run(List<Task> tasks, Function<Task, Grader> graders, int episodes, int parallel, EpisodeSink sink,
               Path scratch) throws SandboxException {
        HarnessTimeProbe probe = new HarnessTimeProbe();
        Function<String, Scaffold> scaffolds = name -> extensions.create(ExtensionKind.SCAFFOLD, name);
        RolloutEngine engine = new RolloutEngine("bench", scaffolds, probe.timed(environments), null, parallel);
        LanguageModel timedPolicy = probe.timed(policy);
        // Warm-up: workers start, classes load, the JIT compiles; none of it is measured.
        engine.run(plan(tasks, graders, "warmup", parallel, timedPolicy), sink, Progress.silent());
        long start = System.nanoTime();
        ProcessTreeCpu cpu = new ProcessTreeCpu();
        double cpuStart = cpu.millis();
        List<RolloutEngine.Outcome> outcomes = engine.run(plan(tasks, graders, "measured", episodes, timedPolicy),
                sink, Progress.silent());
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuMillis = cpu.millis() - cpuStart;

        List<Double> harnessMicrosPerTurn = new ArrayList<>();
        List<Double> model = new ArrayList<>();
        List<Double> episodeMillis = new ArrayList<>();
        List<Double> turnsPerEpisode = new ArrayList<>();
        int turns = 0;
        long stepCpuMillis = 0;
        for (RolloutEngine.Outcome o : outcomes) {
            List<Turn> episodeTurns = o.trajectory().turns();
            for (Turn turn : episodeTurns) {
                model.add((double) turn.response().latencyMillis());
                if (turn.step() != null && turn.step().exec() != null) {
                    stepCpuMillis += turn.step().exec().cpuMillis();
                }
            }
            turns += episodeTurns.size();
            probe.harnessNanos(sink.episodeDir(o.spec().episodeId())).ifPresent(nanos -> {
                if (!episodeTurns.isEmpty()) {
                    harnessMicrosPerTurn.add(nanos / 1e3 / episodeTurns.size());
                }
            });
            episodeMillis.add((double) o.trajectory().wallMillis());
            turnsPerEpisode.add((double) episodeTurns.size());
        }
        List<Double> baseline = baseline(tasks, graders, Math.max(episodes, parallel), parallel, scratch);
        return new Result(outcomes.size(), parallel, wall, outcomes.size() / wall * 60, turns,
                Quantiles.median(harnessMicrosPerTurn), Quantiles.quantile(harnessMicrosPerTurn, 0.9),
                Quantiles.max(harnessMicrosPerTurn), Quantiles.median(model), Quantiles.median(episodeMillis),
                Quantiles.median(baseline), Quantiles.median(turnsPerEpisode), cpuMillis / 1e3 / outcomes.size(),
                stepCpuMillis / 1e3 / outcomes.size());
    }

    private List<EpisodeSpec> plan(List<Task> tasks, Function<Task, Grader> graders, String suite, int n,
                                   LanguageModel model) {
        List<EpisodeSpec> plan = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Task t = tasks.get(i % tasks.size());
            plan.add(new EpisodeSpec(suite, t, graders.apply(t), "react", model.id(), model, i, budget,
                    Sampling.defaults()));
        }
        return plan;
    }

    /**
     * The same work without the harness: the episode's code step and Score, called one after the other on a
     * fresh environment, {@code parallel} such sequences at once as the episodes ran.
     */
    private List<Double> baseline(List<Task> tasks, Function<Task, Grader> graders, int n, int parallel, Path scratch)
            throws SandboxException {
        String dataPath = dataPath(tasks.get(0), graders, scratch);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Double>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Task t = tasks.get(i % tasks.size());
                Path dir = scratch.resolve("baseline-" + i);
                runs.add(pool.submit(() -> {
                    String code = FixedScriptPolicy.script("\"data_path\": \"" + dataPath + "\"");
                    long start = System.nanoTime();
                    try (MleEnvironment env = environments.open(t, graders.apply(t), dir, budget)) {
                        env.python(code);
                        env.score();
                    }
                    return (System.nanoTime() - start) / 1e6;
                }));
            }
            List<Double> millis = new ArrayList<>();
            for (Future<Double> run : runs) {
                millis.add(run.get());
            }
            return millis;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("The baseline was interrupted.", e);
        } catch (ExecutionException e) {
            throw new SandboxException("A baseline step failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Where the environment mounts the data, asked once (outside the timed part). */
    private String dataPath(Task t, Function<Task, Grader> graders, Path scratch) throws SandboxException {
        try (MleEnvironment env = environments.open(t, graders.apply(t), scratch.resolve("probe"), budget)) {
            return FixedScriptPolicy.dataDir(env.requestInfo("data_path").observation());
        }
    }
}
