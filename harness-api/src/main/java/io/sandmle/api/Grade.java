package io.sandmle.api;

/**
 * The outcome of grading one submission, with the fields MLE-bench reports plus MLE-Dojo's
 * HumanRank. A grade never throws: an unusable submission is {@code valid == false} with a
 * one-sentence {@code reason}.
 *
 * @param schemaVersion    format version
 * @param taskId           the task graded against
 * @param submissionExists whether a submission file was found
 * @param valid            whether the submission could be scored
 * @param score            the metric value (rounded as the benchmark rounds), or {@code null}
 * @param reason           why the submission is invalid, or {@code null} when valid
 * @param medal            the medal earned, {@link Medal#NONE} when none or no thresholds
 * @param aboveMedian      strictly better than the median threshold
 * @param humanRank        MLE-Dojo position score in [0, 1], or {@code null} when no leaderboard
 * @param thresholds       the cut-offs used, or {@code null}
 * @param lowerIsBetter    the metric's direction
 */
public record Grade(
        int schemaVersion,
        String taskId,
        boolean submissionExists,
        boolean valid,
        Double score,
        String reason,
        Medal medal,
        boolean aboveMedian,
        Double humanRank,
        Thresholds thresholds,
        boolean lowerIsBetter) {

    public static final int SCHEMA_VERSION = 1;

    /** A grade for a submission that could not be scored. */
    public static Grade invalid(String taskId, boolean exists, String reason, Thresholds thresholds,
                                boolean lowerIsBetter) {
        return new Grade(SCHEMA_VERSION, taskId, exists, false, null, reason, Medal.NONE, false, null,
                thresholds, lowerIsBetter);
    }
}
