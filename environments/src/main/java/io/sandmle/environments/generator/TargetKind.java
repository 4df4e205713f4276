package io.sandmle.environments.generator;

/** What one submission row holds, which decides how labels, answers and the sample submission are written. */
enum TargetKind {
    /** One probability per target column (binary and multi-label tasks). */
    PROBABILITY,
    /** One probability column per class; answers are one-hot (multi-class log loss, column-wise AUC). */
    CLASS_PROBABILITIES,
    /** One class label (accuracy, F1, quadratic weighted kappa). */
    LABEL,
    /** Three space-separated labels, best first (MAP@3). */
    RANKED_LABELS,
    /** One number per target column (regression and forecasting). */
    NUMBER
}
