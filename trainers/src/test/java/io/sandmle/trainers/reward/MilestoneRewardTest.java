package io.sandmle.trainers.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sandmle.api.ChatResponse;
import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Thresholds;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class MilestoneRewardTest {

    private static final Thresholds HIGHER = new Thresholds(0.9, 0.8, 0.7, 0.5);

    private static Grade graded(double score, Thresholds t, boolean lower) {
        return new Grade(1, "t", true, true, score, null, Medal.NONE, false, null, t, lower);
    }

    private static Turn turn(String content, Grade grade) {
        StepRecord step = grade == null ? null : new StepRecord(1, 0, "score", null, null, grade, "", 0);
        return new Turn(0, List.of(), ResponseFormat.REACT, new ChatResponse(content, null, List.of(), null, "stop", null, 0), "x", step,
                null, 0);
    }

    private static Trajectory trajectory(List<Turn> turns, Grade finalGrade) {
        return new Trajectory(1, "e", "t", "react", "p", 0, turns, finalGrade, "answered", 0);
    }

    private static double dense(double score, boolean allThink) {
        String content = allThink ? "<think>plan</think><tool_call>" : "no tags";
        Grade g = graded(score, HIGHER, false);
        return new DenseReward().reward(trajectory(List.of(turn(content, g)), g)).total();
    }

    @Test
    void denseFollowsTheReleasedCodeTiersWithTiesCounting() {
        assertEquals(1.0, dense(0.95, true), 1e-9);
        assertEquals(1.0, dense(0.9, true), 1e-9, "a tie with gold is gold");
        assertEquals(0.9, dense(0.85, true), 1e-9);
        assertEquals(0.8, dense(0.7, true), 1e-9);
        assertEquals(0.4, dense(0.6, true), 1e-9);
        assertEquals(0.3, dense(0.4, true), 1e-9);
        assertEquals(0.2, dense(0.4, false), 1e-9, "no format credit without <think> tags");
    }

    @Test
    void lowerIsBetterFlipsTheComparison() {
        Thresholds lower = new Thresholds(0.1, 0.2, 0.3, 0.5);
        Grade g = graded(0.25, lower, true);
        assertEquals(0.7, new DenseReward().reward(trajectory(List.of(turn("x", g)), g)).total(), 1e-9);
    }

    @Test
    void formatRateIsTheShareOfWellFormedMessages() {
        Grade invalid = Grade.invalid("t", true, "bad", HIGHER, false);
        Trajectory t = trajectory(List.of(turn("<think>a</think>x", null), turn("  <think> </think>", null),
                turn("<think>b</think><answer>submission</answer>", null)), invalid);
        assertEquals(0.1 * 2 / 3, new DenseReward().reward(t).total(), 1e-9);
    }

    @Test
    void theLatestSuccessfulScoreCountsNotTheBest() {
        Grade gold = graded(0.95, HIGHER, false);
        Grade belowMedian = graded(0.4, HIGHER, false);
        Trajectory t = trajectory(List.of(turn("x", gold), turn("x", belowMedian),
                turn("x", Grade.invalid("t", true, "bad", HIGHER, false))), gold);
        assertEquals(0.2, new DenseReward().reward(t).total(), 1e-9);
    }

    @Test
    void sparseAndPaperWeights() {
        Grade silver = graded(0.85, HIGHER, false);
        Grade gold = graded(0.9, HIGHER, false);
        assertEquals(0.0, new SparseReward().reward(trajectory(List.of(turn("x", silver)), silver)).total(), 1e-9);
        assertEquals(0.9, new SparseReward().reward(trajectory(List.of(turn("x", gold)), gold)).total(), 1e-9);
        Grade bronze = graded(0.7, HIGHER, false);
        assertEquals(0.6, new PaperDenseReward().reward(trajectory(List.of(turn("x", bronze)), bronze)).total(), 1e-9);
        Grade median = graded(0.5, HIGHER, false);
        assertEquals(0.4, new PaperDenseReward().reward(trajectory(List.of(turn("x", median)), median)).total(), 1e-9);
    }

    @Test
    void noValidScoreGivesOnlyTheFormatTerm() {
        Trajectory t = trajectory(List.of(turn("<think>p</think>", null)), null);
        assertEquals(0.1, new DenseReward().reward(t).total(), 1e-9);
    }
}
