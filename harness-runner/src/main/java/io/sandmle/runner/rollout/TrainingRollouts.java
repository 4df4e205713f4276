package io.sandmle.runner.rollout;

import io.sandmle.api.Budget;
import io.sandmle.api.Grader;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.RewardFunction;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.Reward;
import io.sandmle.api.Sampling;
import io.sandmle.api.Task;
import io.sandmle.api.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The rollout engine as training uses it ({@code TrainingSession.rollout}): G fresh episodes of a policy on
 * each task, returned as one {@link RolloutGroup} per task with rewards. Episodes go through the same
 * engine and sink as an evaluation, so a killed training step resumes without re-running finished ones.
 */
public final class TrainingRollouts {

    private final RolloutEngine engine;
    private final EpisodeSink sink;
    private final RewardFunction reward;
    private final String suite;
    private final Function<Task, Grader> graders;
    private final String scaffold;
    private final Budget budget;
    private final Sampling sampling;

    public TrainingRollouts(RolloutEngine engine, EpisodeSink sink, RewardFunction reward, String suite,
                            Function<Task, Grader> graders, String scaffold, Budget budget, Sampling sampling) {
        this.engine = engine;
        this.sink = sink;
        this.reward = reward;
        this.suite = suite;
        this.graders = graders;
        this.scaffold = scaffold;
        this.budget = budget;
        this.sampling = sampling;
    }

    /**
     * Runs {@code groupSize} episodes of {@code policy} on each task, with episode seeds
     * {@code seed, seed+1, …, seed+groupSize-1}; returns the groups in task order.
     */
    public List<RolloutGroup> rollout(LanguageModel policy, List<Task> tasks, int groupSize, long seed) {
        List<EpisodeSpec> plan = new ArrayList<>();
        for (Task t : tasks) {
            for (int g = 0; g < groupSize; g++) {
                plan.add(new EpisodeSpec(suite, t, graders.apply(t), scaffold, policy.id(), policy, seed + g, budget,
                        sampling));
            }
        }
        engine.run(plan, sink, Progress.silent());
        List<RolloutGroup> groups = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            List<Trajectory> rollouts = new ArrayList<>();
            List<Reward> rewards = new ArrayList<>();
            for (EpisodeSpec s : plan.subList(i * groupSize, (i + 1) * groupSize)) {
                Trajectory t = sink.trajectory(s.episodeId());
                rollouts.add(t);
                rewards.add(reward.reward(t));
            }
            groups.add(new RolloutGroup(tasks.get(i).id(), rollouts, rewards));
        }
        return groups;
    }
}
