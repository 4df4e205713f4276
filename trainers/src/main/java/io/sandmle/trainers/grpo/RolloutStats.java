package io.sandmle.trainers.grpo;

import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import io.sandmle.api.Reward;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.Trajectory;
import io.sandmle.trainers.reward.MilestoneReward;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Learning-curve numbers of one batch of rollouts: mean reward, valid, above-median and medal rates. */
public final class RolloutStats {

    private RolloutStats() {
    }

    public static Map<String, Double> of(List<RolloutGroup> groups) {
        double reward = 0;
        int n = 0;
        int valid = 0;
        int medal = 0;
        int gold = 0;
        int aboveMedian = 0;
        for (RolloutGroup g : groups) {
            for (int i = 0; i < g.rollouts().size(); i++) {
                Trajectory t = g.rollouts().get(i);
                Reward r = g.rewards().get(i);
                reward += r.total();
                n++;
                Grade grade = t.finalGrade();
                if (grade != null && grade.valid()) {
                    valid++;
                    Medal m = MilestoneReward.medalOf(grade);
                    medal += m.any() ? 1 : 0;
                    gold += m == Medal.GOLD ? 1 : 0;
                    aboveMedian += beatsMedian(grade) ? 1 : 0;
                }
            }
        }
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("reward", n == 0 ? 0 : reward / n);
        stats.put("valid_rate", n == 0 ? 0 : (double) valid / n);
        stats.put("above_median_rate", n == 0 ? 0 : (double) aboveMedian / n);
        stats.put("medal_rate", n == 0 ? 0 : (double) medal / n);
        stats.put("gold_rate", n == 0 ? 0 : (double) gold / n);
        stats.put("episodes", (double) n);
        return stats;
    }

    private static boolean beatsMedian(Grade g) {
        if (g.thresholds() == null) {
            return g.aboveMedian();
        }
        return g.lowerIsBetter() ? g.score() <= g.thresholds().median() : g.score() >= g.thresholds().median();
    }
}
