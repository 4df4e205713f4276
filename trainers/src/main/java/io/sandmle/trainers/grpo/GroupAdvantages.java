package io.sandmle.trainers.grpo;

import io.sandmle.api.Reward;
import io.sandmle.api.RolloutGroup;

import java.util.List;

/**
 * GRPO's outcome advantage: each rollout's reward minus its group's mean, divided by the group's
 * standard deviation (unbiased, as {@code torch.std}; verl's {@code norm_adv_by_std_in_grpo}).
 * A group whose rewards are all equal carries no signal: every advantage is 0.
 */
public final class GroupAdvantages {

    private static final double EPS = 1e-6;

    private GroupAdvantages() {
    }

    public static double[] of(RolloutGroup group) {
        List<Reward> rewards = group.rewards();
        int n = rewards.size();
        double[] a = new double[n];
        if (n < 2) {
            return a;
        }
        double mean = rewards.stream().mapToDouble(Reward::total).average().orElse(0);
        double var = 0;
        for (Reward r : rewards) {
            var += (r.total() - mean) * (r.total() - mean);
        }
        double std = Math.sqrt(var / (n - 1));
        for (int i = 0; i < n; i++) {
            a[i] = (rewards.get(i).total() - mean) / (std + EPS);
        }
        return a;
    }
}
