package io.sandmle.reports.analysis;

import io.sandmle.api.EpisodeRecord;
import java.util.List;

/**
 * Which per-episode number the aggregates, profiles, tests and ranks compare. HumanRank is on the
 * same [0, 1] scale for every task, so it is preferred; without it the run's reward is used.
 */
public enum ScoreKind {
    HUMAN_RANK("HumanRank (MLE-Dojo position score, 0 = below every human, 1 = top; no valid submission = 0)"),
    REWARD("episode reward (the run's reward function; scales may differ between tasks)");

    private final String description;

    ScoreKind(String description) {
        this.description = description;
    }

    /** What the score means, for the report text. */
    public String description() {
        return description;
    }

    /** HumanRank when any graded episode carries one, else reward. */
    public static ScoreKind choose(List<EpisodeRecord> episodes) {
        boolean anyHumanRank = episodes.stream().anyMatch(e -> e.grade() != null && e.grade().humanRank() != null);
        return anyHumanRank ? HUMAN_RANK : REWARD;
    }

    /** The score of one episode under this kind. */
    public double score(EpisodeRecord e) {
        if (this == REWARD) {
            return e.reward();
        }
        return e.grade() != null && e.grade().valid() && e.grade().humanRank() != null ? e.grade().humanRank() : 0.0;
    }
}
