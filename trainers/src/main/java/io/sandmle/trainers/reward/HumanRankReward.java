package io.sandmle.trainers.reward;

import io.sandmle.api.Grade;
import io.sandmle.api.Reward;
import io.sandmle.api.RewardFunction;
import io.sandmle.api.Trajectory;
import java.util.Map;

/**
 * {@code human-rank}: MLE-Dojo's HumanRank of the episode's scored submission (the share of the
 * competition's human leaderboard it beats, in [0, 1]); 0 when nothing valid was scored or the task has no
 * leaderboard (then the reward part {@code has_board} is 0, so a run can tell the two apart).
 */
public final class HumanRankReward implements RewardFunction {

    @Override
    public Reward reward(Trajectory trajectory) {
        Grade grade = MilestoneReward.scoredGrade(trajectory);
        boolean ranked = grade != null && grade.humanRank() != null;
        double rank = ranked ? grade.humanRank() : 0;
        return new Reward(rank, Map.of("human_rank", rank, "has_board", ranked ? 1.0 : 0.0));
    }
}
