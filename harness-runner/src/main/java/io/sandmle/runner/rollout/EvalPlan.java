package io.sandmle.runner.rollout;

import io.sandmle.api.Budget;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Sampling;
import io.sandmle.api.Task;
import io.sandmle.api.TaskSuite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
