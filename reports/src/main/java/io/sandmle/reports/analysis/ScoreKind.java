package io.sandmle.reports.analysis;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which per-episode number the aggregates, profiles, tests and ranks compare; it exists for every episode.
 * HumanRank is on the same [0, 1] scale for every task, so it is preferred; without it the runs' reward,
 * when every run records one; otherwise (an evaluation run has no reward function and records 0) the
 * medal level, read from the grades on one [0, 1] ladder.
 */
public enum ScoreKind {
    HUMAN_RANK("HumanRank (MLE-Dojo position score, 0 = below every human, 1 = top; no valid submission = 0)"),
    REWARD("episode reward (the run's reward function; scales may differ between tasks)"),
    MEDAL_LEVEL("medal level, read from the grades because a run compared records no reward (its every episode "
            + "has reward 0, as an evaluation without a reward function records): 0 = no valid submission, "
            + "0.2 = valid, 0.4 = above the median, 0.6 = bronze, 0.8 = silver, 1 = gold");

    private final String description;

    ScoreKind(String description) {
        this.description = description;
    }

    /** What the score means, for the report text. */
    public String description() {
        return description;
    }

    /** HumanRank when any graded episode carries one, else reward when every run records one, else medal level. */
    public static ScoreKind choose(List<EpisodeRecord> episodes) {
        boolean anyHumanRank = episodes.stream().anyMatch(e -> e.grade() != null && e.grade().humanRank() != null);
        if (anyHumanRank) {
            return HUMAN_RANK;
        }
        Set<String> runs = new HashSet<>();
        Set<String> rewarded = new HashSet<>();
        for (EpisodeRecord e : episodes) {
            runs.add(String.valueOf(e.runId()));
            if (e.reward() != 0) {
                rewarded.add(String.valueOf(e.runId()));
            }
        }
        return rewarded.containsAll(runs) ? REWARD : MEDAL_LEVEL;
    }

    /** The score of one episode under this kind. */
    public double score(EpisodeRecord e) {
        return switch (this) {
            case REWARD -> e.reward();
            case HUMAN_RANK -> e.grade() != null && e.grade().valid() && e.grade().humanRank() != null
                    ? e.grade().humanRank() : 0.0;
            case MEDAL_LEVEL -> medalLevel(e.grade());
        };
    }

    private static double medalLevel(Grade g) {
        if (g == null || !g.valid()) {
            return 0;
        }
        if (g.medal() == Medal.GOLD) {
            return 1;
        }
        if (g.medal() == Medal.SILVER) {
            return 0.8;
        }
        if (g.medal() == Medal.BRONZE) {
            return 0.6;
        }
        return g.aboveMedian() ? 0.4 : 0.2;
    }
}
