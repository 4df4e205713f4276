package io.sandmle.trainers.grpo;

import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;

import java.util.Set;

/**
 * SandMLE's compact filtering (sandmle.md §5.1): trajectories that hit the episode time limit,
 * whose model call failed, or where more than 20% of code steps timed out are left out of the
 * loss (they still count in their group's statistics).
 */
public final class TimeoutMask {

    private static final Set<String> MASKED_ENDS = Set.of("time_limit", "timeout", "model_error", "unknown");
    private static final double TIMED_OUT_SHARE = 0.2;

    private TimeoutMask() {
    }

    public static boolean masked(Trajectory t) {
        if (MASKED_ENDS.contains(t.endReason())) {
            return true;
        }
        int steps = 0;
        int timedOut = 0;
        for (Turn turn : t.turns()) {
            if (turn.step() != null && turn.step().exec() != null) {
                steps++;
                timedOut += turn.step().exec().timedOut() ? 1 : 0;
            }
        }
        return steps > 0 && (double) timedOut / steps > TIMED_OUT_SHARE;
    }
}
