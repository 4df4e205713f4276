package io.sandmle.runner.rollout;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.RewardFunction;
import io.sandmle.api.Task;
import io.sandmle.api.TaskSuite;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.config.PolicyConfig;
import io.sandmle.runner.config.SuiteConfig;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.store.RunStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One evaluation from its config: loads the suites' tasks, creates the policies, the executor and the
 * reward, expands suites × tasks × seeds × scaffolds × policies, and runs the plan into the run store.
 * Running it again on the same run folder finishes what is missing and repeats nothing.
 */
public final class EvalRun {

    private final ExperimentConfig config;
    private final Extensions extensions;

    public EvalRun(ExperimentConfig config, Extensions extensions) {
        this.config = config;
        this.extensions = extensions;
    }

    /**
     * Runs (or finishes) the evaluation; returns the per-system summary of every recorded episode.
     *
     * @param environments opens each episode's environment (the sandboxed one on the configured executor,
     *                     outside tests)
     */
    public List<RunSummary.Row> run(RunStore store, EnvironmentFactory environments, Progress progress) {
        return run(plan(), store, environments, progress);
    }

    /**
     * Runs (or finishes) the episodes {@code episodes}, a part of {@link #plan()} (a shard's) or all of it; returns
     * the per-system summary of every recorded episode.
     */
    public List<RunSummary.Row> run(List<EpisodeSpec> episodes, RunStore store, EnvironmentFactory environments,
                                    Progress progress) {
        RolloutEngine engine = new RolloutEngine(config.run(), name -> extensions.create(ExtensionKind.SCAFFOLD, name),
                environments, reward(), config.executor().parallel());
        engine.run(episodes, new RunStoreSink(store), progress);
        return RunSummary.of(store.episodes());
    }

    /** The whole evaluation: every suite's tasks × seeds × scaffolds × policies, the policies created. */
    public List<EpisodeSpec> plan() {
        List<EvalPlan.SuiteTasks> suites = suiteTasks();
        Map<String, LanguageModel> policies = new LinkedHashMap<>();
        for (PolicyConfig p : config.policies()) {
            policies.put(p.name(), extensions.create(ExtensionKind.POLICY, p.provider()).create(p.settings()));
        }
        return EvalPlan.expand(suites, config.seeds(), config.scaffolds(), policies, config.budget().toBudget(),
                seed -> config.sampling().toSampling(seed));
    }

    /**
     * The ids of {@link #plan()}'s episodes, in plan order, without creating the policies (an id needs only a policy's
     * name): what a merge of shards checks, on a node that may not reach the policies' endpoints.
     */
    public List<String> planIds() {
        Map<String, LanguageModel> names = new LinkedHashMap<>();
        config.policies().forEach(p -> names.put(p.name(), null));
        return EvalPlan.ids(EvalPlan.expand(suiteTasks(), config.seeds(), config.scaffolds(), names,
                config.budget().toBudget(), seed -> config.sampling().toSampling(seed)));
    }

    /** The tasks each configured suite contributes (a named task the suite lacks is reported and skipped). */
    public List<EvalPlan.SuiteTasks> suiteTasks() {
        List<EvalPlan.SuiteTasks> suites = new ArrayList<>();
        for (SuiteConfig s : config.suites()) {
            suites.add(tasks(s));
        }
        return suites;
    }

    private EvalPlan.SuiteTasks tasks(SuiteConfig s) {
        TaskSuite suite = extensions.create(ExtensionKind.SUITE, s.name());
        List<Task> all = suite.load(s.dataDir(), Map.of());
        List<Task> kept = all;
        if (!s.tasks().isEmpty()) {
            kept = all.stream().filter(t -> s.tasks().contains(t.id())).toList();
            Set<String> missing = new TreeSet<>(s.tasks());
            kept.forEach(t -> missing.remove(t.id()));
            if (!missing.isEmpty()) {
                System.err.println("sandmle: suite " + s.name() + " has no task " + missing + " in " + s.dataDir()
                        + "; running the others.");
            }
        }
        return new EvalPlan.SuiteTasks(s.name(), suite, kept, timeLimits(s, kept));
    }

    /**
     * Each task's own episode time: the config's {@code time-limits} entry, else the suite's {@code time-limit},
     * else the task's {@link Task#TIME_LIMIT} attribute; a task with none runs within {@code budget.episode-time}.
     */
    private static Map<String, Duration> timeLimits(SuiteConfig s, List<Task> tasks) {
        Map<String, Duration> limits = new LinkedHashMap<>();
        for (Task t : tasks) {
            Duration own = s.timeLimits().getOrDefault(t.id(), s.timeLimit());
            String fromSuite = t.attributes().get(Task.TIME_LIMIT);
            if (own == null && fromSuite != null) {
                own = Duration.parse(fromSuite);
            }
            if (own != null) {
                limits.put(t.id(), own);
            }
        }
        Set<String> unused = new TreeSet<>(s.timeLimits().keySet());
        tasks.forEach(t -> unused.remove(t.id()));
        if (!unused.isEmpty()) {
            System.err.println("sandmle: suite " + s.name() + "'s time-limits names " + unused + ", which this run "
                    + "does not include; check the task ids.");
        }
        return limits;
    }

    /** The trainer's reward when the config names one, so eval and training records agree; else none. */
    private RewardFunction reward() {
        return config.trainer() == null || config.trainer().reward() == null ? null
                : extensions.create(ExtensionKind.REWARD, config.trainer().reward());
    }
}
