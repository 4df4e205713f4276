package io.sandmle.reports.analysis;

import io.sandmle.api.Medal;

/**
 * One episode reduced to what the statistics use.
 *
 * @param seed        repetition index
 * @param score       the comparison score (see {@link ScoreKind})
 * @param medal       medal earned (NONE without a grade)
 * @param aboveMedian strictly better than the human median
 * @param valid       the submission could be scored
 * @param submitted   a submission file existed
 * @param humanRank   MLE-Dojo position score, NaN when absent
 * @param wallMillis  episode wall time
 */
public record Run(long seed, double score, Medal medal, boolean aboveMedian, boolean valid, boolean submitted,
                  double humanRank, long wallMillis) {
}
