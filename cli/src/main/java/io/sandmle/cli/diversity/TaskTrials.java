package io.sandmle.cli.diversity;

import java.util.List;

/**
 * Every recipe of the grid run on one task.
 *
 * @param taskId        the task
 * @param lowerIsBetter the metric's direction, to compare scores of recipes that earn the same medal
 * @param trials        one per recipe, in grid order
 */
public record TaskTrials(String taskId, boolean lowerIsBetter, List<Trial> trials) {

    public TaskTrials {
        trials = List.copyOf(trials);
    }

    /**
     * The per-task best recipe: the highest medal, then the best score, then the first in grid order; {@code -1}
     * when no recipe made a valid submission.
     */
    public int best() {
        Trial best = null;
        for (Trial t : trials) {
            if (t.valid() && (best == null || better(t, best))) {
                best = t;
            }
        }
        return best == null ? -1 : best.recipe();
    }

    private boolean better(Trial a, Trial b) {
        if (a.medal() != b.medal()) {
            return a.medal().compareTo(b.medal()) > 0;
        }
        return lowerIsBetter ? a.score() < b.score() : a.score() > b.score();
    }

    public Trial of(int recipe) {
        return trials.get(recipe);
    }
}
