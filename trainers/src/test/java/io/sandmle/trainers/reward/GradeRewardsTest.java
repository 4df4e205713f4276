package io.sandmle.trainers.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rewards that pay a grade's own number: HumanRank and the raw score. */
class GradeRewardsTest {

    private static Grade grade(boolean valid, Double score, Double humanRank, boolean lower) {
        return new Grade(1, "t", true, valid, score, null, Medal.NONE, false, humanRank, null, lower);
    }

    /** An episode whose scored steps are {@code grades}, in order, with no final grade. */
    private static Trajectory scored(Grade... grades) {
        List<Turn> turns = new ArrayList<>();
        for (Grade g : grades) {
            turns.add(new Turn(turns.size(), List.of(), ResponseFormat.FREE_TEXT, null, "score",
                    new StepRecord(1, turns.size(), "score", null, null, g, "", 0), null, 0));
        }
        return new Trajectory(1, "e", "t", "openenv", "p", 0, turns, null, "submitted", 0);
    }

    @Test
    void humanRankPaysTheLatestValidSubmissionsRankAndSaysWhenThereIsNoBoard() {
        var r = new HumanRankReward().reward(scored(grade(true, 0.5, 0.9, false), grade(true, 0.4, 0.3, false),
                grade(false, null, null, false)));
        assertEquals(0.3, r.total(), 1e-12);
        assertEquals(1.0, r.parts().get("has_board"));
        var noBoard = new HumanRankReward().reward(scored(grade(true, 0.5, null, false)));
        assertEquals(0.0, noBoard.total());
        assertEquals(0.0, noBoard.parts().get("has_board"));
    }

    @Test
    void scoreIsHigherForBetterSubmissionsInEitherDirection() {
        assertEquals(0.8, new ScoreReward().reward(scored(grade(true, 0.8, null, false))).total(), 1e-12);
        assertEquals(-2.5, new ScoreReward().reward(scored(grade(true, 2.5, null, true))).total(), 1e-12);
        assertEquals(0.0, new ScoreReward().reward(scored(grade(false, null, null, true))).total());
    }
}
