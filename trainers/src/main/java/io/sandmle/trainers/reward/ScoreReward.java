package io.sandmle.trainers.reward;

import io.sandmle.api.Grade;
import io.sandmle.api.Reward;
import io.sandmle.api.RewardFunction;
import io.sandmle.api.Trajectory;
import java.util.Map;

/**
 * {@code score}: the raw metric score of the episode's scored submission, negated when lower is better so
 * a larger reward is always a better submission; 0 when nothing valid was scored. Its scale is the
 * metric's, so it suits comparisons within one task (a GRPO group), not across tasks.
 */
public final class ScoreReward implements RewardFunction {

    @Override
    public Reward reward(Trajectory trajectory) {
        Grade grade = MilestoneReward.scoredGrade(trajectory);
        double score = grade == null ? 0 : grade.lowerIsBetter() ? -grade.score() : grade.score();
        return new Reward(score, Map.of("score", score, "valid", grade == null ? 0.0 : 1.0));
    }
}
