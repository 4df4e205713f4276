package io.sandmle.environments.metrics;

/**
 * {@code sklearn.metrics.log_loss}. Probabilities are clipped to {@code [eps, 1-eps]} with
 * {@code eps} the float64 machine epsilon. scikit-learn 1.5 and later (what MLE-bench installs)
 * do not renormalise rows; up to 1.4 rows were divided by their sum after clipping. Both are
 * offered so that either installation can be reproduced.
 */
public final class LogLoss {

    /** {@code np.finfo(np.float64).eps}. */
    public static final double EPS = Math.ulp(1.0);

    private LogLoss() {
    }

    /**
     * Binary log loss of labels (two distinct values, the larger positive) against the positive
     * class probability, as {@code log_loss(y_true, p)} expands it to {@code [1-p, p]}.
     */
    public static double binary(double[] yTrue, double[] p, boolean renormalize) {
        Inputs.sameLength(yTrue.length, p.length);
        Inputs.finite(yTrue, "y_true");
        Inputs.finite(p, "y_pred");
        double positive = Double.NaN;
        double other = Double.NaN;
        for (double y : yTrue) {
            if (Double.isNaN(positive)) {
                positive = y;
            } else if (y != positive && Double.isNaN(other)) {
                other = y;
            } else if (y != positive && y != other) {
                throw new IllegalArgumentException("y_true and y_pred contain different number of classes"
                        + " (y_true has more than two labels).");
            }
        }
        if (Double.isNaN(other)) {
            throw new IllegalArgumentException("y_true contains only one label (" + PandasLike.label(positive)
                    + "); log loss needs two.");
        }
        positive = Math.max(positive, other);
        double[] onehot = new double[2 * p.length];
        double[] probs = new double[2 * p.length];
        for (int i = 0; i < p.length; i++) {
            boolean isPositive = yTrue[i] == positive;
            onehot[2 * i] = isPositive ? 0 : 1;
            onehot[2 * i + 1] = isPositive ? 1 : 0;
            probs[2 * i] = 1 - p[i];
            probs[2 * i + 1] = p[i];
        }
        return multi(onehot, probs, 2, renormalize);
    }

    /**
     * Multi-class log loss over row-major {@code n × k} matrices: a one-hot (or indicator) truth
     * and predicted probabilities.
     */
    public static double multi(double[] yTrue, double[] yPred, int k, boolean renormalize) {
        return multi(yTrue, yPred, k, EPS, renormalize);
    }

    /** {@link #multi(double[], double[], int, boolean)} with another clipping epsilon. */
    public static double multi(double[] yTrue, double[] yPred, int k, double eps, boolean renormalize) {
        if (k < 2) {
            throw new IllegalArgumentException("Log loss needs at least two classes.");
        }
        Inputs.sameLength(yTrue.length / k, yPred.length / k);
        Inputs.finite(yPred, "y_pred");
        Inputs.finite(yTrue, "y_true");
        int n = yTrue.length / k;
        double[] row = new double[k];
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            int base = i * k;
            for (int j = 0; j < k; j++) {
                row[j] = Math.min(Math.max(yPred[base + j], eps), 1 - eps);
            }
            if (renormalize) {
                double total = PairwiseSum.sum(row, 0, k);
                for (int j = 0; j < k; j++) {
                    row[j] = row[j] / total;
                }
            }
            for (int j = 0; j < k; j++) {
                double y = yTrue[base + j];
                row[j] = y == 0 ? 0.0 : -(y * Math.log(row[j]));
            }
            losses[i] = PairwiseSum.sum(row, 0, k);
        }
        return PairwiseSum.mean(losses);
    }
}
