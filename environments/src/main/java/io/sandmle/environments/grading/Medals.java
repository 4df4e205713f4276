package io.sandmle.environments.grading;

import io.sandmle.api.Medal;
import io.sandmle.api.Thresholds;
import io.sandmle.support.Quantiles;
import java.util.Arrays;

/**
 * MLE-bench's medal rules ({@code grade_helpers.Grader.rank_score}): thresholds are the scores at
 * Kaggle's medal positions in the private leaderboard's file order, the median is pandas' median;
 * medals are won on ties, "above median" must be strictly better.
 */
public final class Medals {

    private Medals() {
    }

    /** Whether the leaderboard (best row first) is lower-is-better: its first score is below its last. */
    public static boolean lowerIsBetter(double[] scoresInFileOrder) {
        return scoresInFileOrder[0] < scoresInFileOrder[scoresInFileOrder.length - 1];
    }

    /**
     * The thresholds of a leaderboard with {@code N} rows (NaN rows included in N), positions by
     * Kaggle's progression rules for N teams.
     */
    public static Thresholds thresholds(double[] scoresInFileOrder) {
        int n = scoresInFileOrder.length;
        int[] pos = positions(n);
        return new Thresholds(at(scoresInFileOrder, pos[0]), at(scoresInFileOrder, pos[1]),
                at(scoresInFileOrder, pos[2]), median(scoresInFileOrder));
    }

    /** 1-based gold, silver and bronze rows for N teams (Kaggle progression). */
    public static int[] positions(int n) {
        if (n < 100) {
            return new int[] {Math.max(1, (int) (0.1 * n)), Math.max(1, (int) (0.2 * n)), Math.max(1, (int) (0.4 * n))};
        }
        if (n < 250) {
            return new int[] {10, Math.max(1, (int) (0.2 * n)), Math.max(1, (int) (0.4 * n))};
        }
        if (n < 1000) {
            return new int[] {10 + (int) (0.002 * n), 50, 100};
        }
        return new int[] {10 + (int) (0.002 * n), Math.max(1, (int) (0.05 * n)), Math.max(1, (int) (0.1 * n))};
    }

    private static double at(double[] scores, int position) {
        if (position > scores.length) {
            throw new IllegalArgumentException("The leaderboard has " + scores.length + " rows, too few for position "
                    + position + ".");
        }
        return scores[position - 1];
    }

    /** pandas {@code Series.median()}: NaN skipped, mean of the two middle values for an even count. */
    public static double median(double[] scores) {
        return Quantiles.median(Arrays.stream(scores).filter(d -> !Double.isNaN(d)).toArray());
    }

    /** The medal a score earns; none for a missing or NaN score. Ties win the medal. */
    public static Medal medal(Double score, Thresholds t, boolean lowerIsBetter) {
        if (score == null || score.isNaN() || t == null) {
            return Medal.NONE;
        }
        if (atLeast(score, t.gold(), lowerIsBetter)) {
            return Medal.GOLD;
        }
        if (atLeast(score, t.silver(), lowerIsBetter)) {
            return Medal.SILVER;
        }
        return atLeast(score, t.bronze(), lowerIsBetter) ? Medal.BRONZE : Medal.NONE;
    }

    /** Strictly better than the median threshold. */
    public static boolean aboveMedian(Double score, Thresholds t, boolean lowerIsBetter) {
        if (score == null || t == null) {
            return false;
        }
        return lowerIsBetter ? score < t.median() : score > t.median();
    }

    private static boolean atLeast(double score, double threshold, boolean lowerIsBetter) {
        return lowerIsBetter ? score <= threshold : score >= threshold;
    }
}
