package io.sandmle.cli.diversity;

import io.sandmle.api.Grade;
import io.sandmle.api.Medal;

/**
 * One recipe run on one task and graded.
 *
 * @param recipe  index into the grid's recipes
 * @param valid   whether the submission could be scored (a failed run has no submission)
 * @param medal   the medal earned, {@link Medal#NONE} when none
 * @param score   the metric value, or {@code null} when invalid
 * @param seconds wall time of the code step
 */
public record Trial(int recipe, boolean valid, Medal medal, Double score, double seconds) {

    static Trial of(int recipe, Grade grade, double seconds) {
        boolean valid = grade != null && grade.valid();
        return new Trial(recipe, valid, valid ? grade.medal() : Medal.NONE, valid ? grade.score() : null, seconds);
    }

    /** The same result standing for another recipe of the grid that behaves the same on this task. */
    Trial as(int otherRecipe) {
        return new Trial(otherRecipe, valid, medal, score, seconds);
    }
}
