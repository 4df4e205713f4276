package io.sandmle.api;

/**
 * A scoring function over aligned truth and prediction columns, looked up by name from
 * {@link Task#metric()}. Implementations reproduce the exact semantics of the library the
 * original benchmark used (scikit-learn for MLE-bench).
 */
public interface Metric {

    /** Registry name, e.g. {@code roc-auc}, {@code rmse}, {@code accuracy}. */
    String name();

    /** Direction of the metric. */
    boolean lowerIsBetter();

    /**
     * Computes the metric.
     *
     * @param truth      the answer columns, rows aligned with {@code predicted}
     * @param predicted  the submission's columns, same shape as {@code truth}
     * @throws IllegalArgumentException with a one-sentence message when the inputs cannot be scored
     */
    double score(ColumnTable truth, ColumnTable predicted);
}
