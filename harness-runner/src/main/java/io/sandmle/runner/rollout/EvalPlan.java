package io.sandmle.runner.rollout;

import io.sandmle.api.Budget;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Sampling;
import io.sandmle.api.Task;
import io.sandmle.api.TaskSuite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * Expands an evaluation into episodes: every task of every suite × seed × scaffold × policy, in that
 * nesting, so the order (and therefore the ids a resumed run compares) is the same on every run.
 */
public final class EvalPlan {

    /**
     * The tasks one suite contributes, with the suite that grades them.
     *
     * @param timeLimits per task id, the episode time that replaces the budget's (tasks with their own time limit)
     */
    public record SuiteTasks(String suite, TaskSuite impl, List<Task> tasks, Map<String, Duration> timeLimits) {
        public SuiteTasks {
            tasks = List.copyOf(tasks);
            timeLimits = Map.copyOf(timeLimits);
        }

        /** Tasks that all run within the budget's episode time. */
        public SuiteTasks(String suite, TaskSuite impl, List<Task> tasks) {
            this(suite, impl, tasks, Map.of());
        }
    }

    private EvalPlan() {
    }

    /**
     * @param policies policies by report name, in config order
     * @param sampling the sampling of an episode with a given seed
     */
    public static List<EpisodeSpec> expand(List<SuiteTasks> suites, List<Long> seeds, List<String> scaffolds,
                                           Map<String, LanguageModel> policies, Budget budget,
                                           LongFunction<Sampling> sampling) {
        List<EpisodeSpec> plan = new ArrayList<>();
        for (SuiteTasks s : suites) {
            for (Task task : s.tasks()) {
                var grader = s.impl().grader(task);
                Duration own = s.timeLimits().get(task.id());
                Budget taskBudget = own == null ? budget : budget.withEpisodeTime(own);
                for (long seed : seeds) {
                    for (String scaffold : scaffolds) {
                        policies.forEach((name, model) -> plan.add(new EpisodeSpec(s.suite(), task, grader, scaffold,
                                name, model, seed, taskBudget, sampling.apply(seed))));
                    }
                }
            }
        }
        return plan;
    }

    /**
     * SHA-256 (hex) of the plan's sorted distinct episode ids: equal for two plans exactly when they hold the same
     * episodes, which is what the shards of one run must agree on before they are merged.
     */
    public static String fingerprint(Collection<String> episodeIds) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String id : new TreeSet<>(episodeIds)) {
                digest.update((id + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    /** The ids of the plan's episodes, in plan order. */
    public static List<String> ids(List<EpisodeSpec> plan) {
        return plan.stream().map(EpisodeSpec::episodeId).toList();
    }
}
