package io.sandmle.environments.metrics;

/** scikit-learn's regression errors over one output column. */
public final class Regression {

    private Regression() {
    }

    /** {@code mean_squared_error}. */
    public static double mse(double[] yTrue, double[] yPred) {
        check(yTrue, yPred);
        double[] sq = new double[yTrue.length];
        for (int i = 0; i < sq.length; i++) {
            double d = yTrue[i] - yPred[i];
            sq[i] = d * d;
        }
        return PairwiseSum.mean(sq);
    }

    /** {@code root_mean_squared_error}. */
    public static double rmse(double[] yTrue, double[] yPred) {
        return Math.sqrt(mse(yTrue, yPred));
    }

    /** {@code mean_absolute_error}. */
    public static double mae(double[] yTrue, double[] yPred) {
        check(yTrue, yPred);
        double[] abs = new double[yTrue.length];
        for (int i = 0; i < abs.length; i++) {
            abs[i] = Math.abs(yPred[i] - yTrue[i]);
        }
        return PairwiseSum.mean(abs);
    }

    /**
     * {@code root_mean_squared_log_error} as scikit-learn 1.5–1.6 compute it: the RMSE of
     * {@code log1p}, refusing any negative value.
     */
    public static double rmsle(double[] yTrue, double[] yPred) {
        check(yTrue, yPred);
        double[] lt = new double[yTrue.length];
        double[] lp = new double[yPred.length];
        for (int i = 0; i < lt.length; i++) {
            if (yTrue[i] < 0 || yPred[i] < 0) {
                throw new IllegalArgumentException(
                        "Root Mean Squared Logarithmic Error cannot be used when targets contain negative values.");
            }
            lt[i] = Math.log1p(yTrue[i]);
            lp[i] = Math.log1p(yPred[i]);
        }
        return rmse(lt, lp);
    }

    /** {@code r2_score}: 1 - SS_res/SS_tot; a constant truth scores 1 when predicted exactly, else 0. */
    public static double r2(double[] yTrue, double[] yPred) {
        check(yTrue, yPred);
        double mean = PairwiseSum.mean(yTrue);
        double[] res = new double[yTrue.length];
        double[] tot = new double[yTrue.length];
        for (int i = 0; i < res.length; i++) {
            double r = yTrue[i] - yPred[i];
            double t = yTrue[i] - mean;
            res[i] = r * r;
            tot[i] = t * t;
        }
        double numerator = PairwiseSum.sum(res);
        double denominator = PairwiseSum.sum(tot);
        if (denominator == 0) {
            return numerator == 0 ? 1.0 : 0.0;
        }
        return 1 - numerator / denominator;
    }

    private static void check(double[] yTrue, double[] yPred) {
        Inputs.sameLength(yTrue.length, yPred.length);
        Inputs.finite(yTrue, "y_true");
        Inputs.finite(yPred, "y_pred");
    }
}
