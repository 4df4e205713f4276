package io.sandmle.trainers.sft;

import io.sandmle.api.StepRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * The turns of a successful trajectory that made its graded submission, the only ones SFT clones:
 * <ul>
 *   <li>the <em>grading turn</em>: the last turn whose step returned the trajectory's final grade (the last turn
 *       when the grade was taken after the turns, as ReAct's closing Score is);</li>
 *   <li>the <em>writing turn</em>: the last turn up to the grading turn whose code ran cleanly (exit 0 within its
 *       limits), so the one that left the graded {@code submission.csv} (the grading turn itself when it ran code,
 *       as AIDE's {@code execute_code} does);</li>
 *   <li>the turns between them that ran no code (ReAct's Score), and the turns after the grading turn that took no
 *       step (the answer that ended the episode on that grade).</li>
 * </ul>
 * Every earlier attempt is left out: one that crashed or wrote an invalid submission and was then repaired, and one
 * that ran but scored less and was replaced, since its choices did not make the graded submission. So is code run
 * after the grade. The writing turn's own choices (a repair, or the next recipe after a weak score) are kept.
 */
public final class SuccessfulTurns {

    private SuccessfulTurns() {
    }

    /** A copy of {@code t} holding only the turns that made its graded submission, in order. */
    public static Trajectory of(Trajectory t) {
        List<Turn> turns = t.turns();
        int grading = gradingTurn(t);
        int writing = writingTurn(turns, grading);
        List<Turn> kept = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            StepRecord step = turns.get(i).step();
            boolean ranCode = step != null && step.exec() != null;
            if (i == writing || i > writing && i <= grading && !ranCode || i > grading && step == null) {
                kept.add(turns.get(i));
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

    /** The last turn up to {@code grading} whose code ran cleanly; {@code grading} when no code did. */
    private static int writingTurn(List<Turn> turns, int grading) {
        for (int i = grading; i >= 0; i--) {
            StepRecord step = turns.get(i).step();
            if (step != null && step.exec() != null && step.exec().succeeded()) {
                return i;
            }
        }
        return grading;
    }
}
