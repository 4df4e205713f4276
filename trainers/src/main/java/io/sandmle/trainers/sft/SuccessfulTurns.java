package io.sandmle.trainers.sft;

import io.sandmle.api.Grade;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * The turns of a successful trajectory that led to its graded submission, the only ones SFT clones. A turn is
 * kept when both hold:
 * <ol>
 *   <li>it comes no later than the <em>grading turn</em> (the last turn whose step returned the trajectory's final
 *       grade; the last turn when the grade was taken after the turns, as ReAct's closing Score is), or it took no
 *       environment step at all (the answer that ended the episode on that grade);</li>
 *   <li>its step did not fail: code it ran exited 0 within its limits, and the submission that code left was graded
 *       valid by the first grade recorded from its step on, before the next code ran (AIDE grades in the same step,
 *       ReAct at the Score that follows); a Score turn fails on an invalid grade.</li>
 * </ol>
 * So a first attempt that crashed, or wrote an invalid submission, and was then repaired is left out while the
 * repair is kept; so is code run after the graded submission, which did not make it.
 */
public final class SuccessfulTurns {

    private SuccessfulTurns() {
    }

    /** A copy of {@code t} holding only the turns that led to its graded submission, in order. */
    public static Trajectory of(Trajectory t) {
        List<Turn> turns = t.turns();
        int grading = gradingTurn(t);
        List<Turn> kept = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            if ((i <= grading || turn.step() == null) && !failed(turns, i)) {
                kept.add(turn);
            }
        }
        return new Trajectory(t.schemaVersion(), t.episodeId(), t.taskId(), t.scaffold(), t.policy(), t.seed(), kept,
                t.finalGrade(), t.endReason(), t.wallMillis());
    }

    private static int gradingTurn(Trajectory t) {
        for (int i = t.turns().size() - 1; i >= 0; i--) {
            StepRecord step = t.turns().get(i).step();
            if (step != null && step.grade() != null && step.grade().equals(t.finalGrade())) {
                return i;
            }
        }
        return t.turns().size() - 1;
    }

    private static boolean failed(List<Turn> turns, int i) {
        StepRecord step = turns.get(i).step();
        if (step == null) {
            return false;
        }
        if (step.exec() != null && !step.exec().succeeded()) {
            return true;
        }
        Grade grade = step.exec() != null ? gradeOfCodeAt(turns, i) : step.grade();
        return grade != null && !grade.valid();
    }

    /** The first grade recorded from turn {@code i}'s code step on, before other code ran; null when none was. */
    private static Grade gradeOfCodeAt(List<Turn> turns, int i) {
        for (int j = i; j < turns.size(); j++) {
            StepRecord step = turns.get(j).step();
            if (step == null) {
                continue;
            }
            if (j > i && step.exec() != null) {
                return null;
            }
            if (step.grade() != null) {
                return step.grade();
            }
        }
        return null;
    }
}
