package io.sandmle.api;

import java.util.List;

/** The G rollouts of one task in one training step, with their rewards (same order). */
public record RolloutGroup(String taskId, List<Trajectory> rollouts, List<Reward> rewards) {

    public RolloutGroup {
        rollouts = List.copyOf(rollouts);
        rewards = List.copyOf(rewards);
        if (rollouts.size() != rewards.size()) {
            throw new IllegalArgumentException("a rollout group needs one reward per rollout");
        }
    }
}
