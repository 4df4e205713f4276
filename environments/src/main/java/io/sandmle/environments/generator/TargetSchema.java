package io.sandmle.environments.generator;

import java.util.List;

/**
 * The synthetic task's prediction target: metric, direction and the columns of train.csv and of the submission.
 *
 * @param taskType         the generated task type ({@code binary}, {@code multiclass} …)
 * @param metric           the harness metric name the grader uses
 * @param lowerIsBetter    the metric's direction
 * @param kind             what a submission cell holds
 * @param idColumn         the id column of test.csv, answers and submissions
 * @param trainColumns     the label columns of train.csv
 * @param submissionColumns the target columns of the submission (after the id)
 * @param classNames       the class labels (empty for regression)
 * @param ordinal          classes are ordered (quadratic weighted kappa)
 */
record TargetSchema(String taskType, String metric, boolean lowerIsBetter, TargetKind kind, String idColumn,
                    List<String> trainColumns, List<String> submissionColumns, List<String> classNames,
                    boolean ordinal) {

    TargetSchema {
        trainColumns = List.copyOf(trainColumns);
        submissionColumns = List.copyOf(submissionColumns);
        classNames = List.copyOf(classNames);
    }

    /** How many separate scores the hidden rule must produce per row. */
    int ruleOutputs() {
        return switch (kind) {
            case PROBABILITY, NUMBER -> submissionColumns.size();
            case CLASS_PROBABILITIES, RANKED_LABELS -> classNames.size();
            case LABEL -> ordinal || classNames.size() == 2 ? 1 : classNames.size();
        };
    }

    /** The submission's header: the id column then the target columns. */
    List<String> submissionHeader() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(idColumn), submissionColumns.stream())
                .toList();
    }
}
