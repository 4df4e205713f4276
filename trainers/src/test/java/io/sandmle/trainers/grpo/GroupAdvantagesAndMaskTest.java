package io.sandmle.trainers.grpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ExecResult;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Reward;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupAdvantagesAndMaskTest {

    private static Trajectory trajectory(String end, boolean... timedOutSteps) {
        List<Turn> turns = new ArrayList<>();
        for (boolean t : timedOutSteps) {
            ExecResult exec = new ExecResult(1, t ? -9 : 0, "", "", 1, 1, 0, t, t ? "limit" : null);
            turns.add(new Turn(turns.size(), List.of(), ResponseFormat.REACT, null, "python",
                    new StepRecord(1, turns.size(), "python", "x", exec, null, "", 0), null, 0));
        }
        return new Trajectory(1, "e", "t", "react", "p", 0, turns, null, end, 0);
    }

    private static RolloutGroup group(double... rewards) {
        List<Trajectory> ts = new ArrayList<>();
        List<Reward> rs = new ArrayList<>();
        for (double r : rewards) {
            ts.add(trajectory("answered"));
            rs.add(new Reward(r, Map.of()));
        }
        return new RolloutGroup("t", ts, rs);
    }

    @Test
    void advantagesAreRewardMinusMeanOverUnbiasedStd() {
        // rewards 0, 0, 1, 1: mean 0.5, unbiased std sqrt(1/3)
        double s = Math.sqrt(1.0 / 3);
        assertArrayEquals(new double[] {-0.5 / s, -0.5 / s, 0.5 / s, 0.5 / s}, GroupAdvantages.of(group(0, 0, 1, 1)),
                1e-5);
    }

    @Test
    void aGroupWithEqualRewardsCarriesNoSignal() {
        assertArrayEquals(new double[] {0, 0, 0, 0}, GroupAdvantages.of(group(0.7, 0.7, 0.7, 0.7)), 1e-12);
    }

    @Test
    void timeoutsAndFailedCallsAreMaskedButMaxTurnsIsNot() {
        assertTrue(TimeoutMask.masked(trajectory("time_limit")));
        assertTrue(TimeoutMask.masked(trajectory("model_error")));
        assertFalse(TimeoutMask.masked(trajectory("max_turns", false, false)));
        assertTrue(TimeoutMask.masked(trajectory("answered", true, false, false, false)), "1 of 4 steps > 20%");
        assertFalse(TimeoutMask.masked(trajectory("answered", true, false, false, false, false)), "1 of 5 is 20%");
    }
}
