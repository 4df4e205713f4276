package io.sandmle.environments.metrics;

import java.util.Arrays;

/**
 * {@code sklearn.metrics.roc_auc_score} for binary targets: the ROC curve at every distinct score
 * (ties form one step), intermediate collinear points dropped as {@code roc_curve} does, then the
 * trapezoid rule. Positives and negatives are sorted separately as primitive arrays and merged,
 * which gives the same curve as scikit-learn's argsort without boxing.
 */
public final class RocAuc {

    private RocAuc() {
    }

    /**
     * @param yTrue  two distinct label values; the larger one is the positive class
     * @param yScore scores, higher meaning more likely positive
     */
    public static double binary(double[] yTrue, double[] yScore) {
        Inputs.sameLength(yTrue.length, yScore.length);
        Inputs.finite(yTrue, "y_true");
        Inputs.finite(yScore, "y_score");
        double positive = positiveLabel(yTrue);
        int nPos = 0;
        for (double y : yTrue) {
            if (y == positive) {
                nPos++;
            }
        }
        double[] pos = new double[nPos];
        double[] neg = new double[yTrue.length - nPos];
        for (int i = 0, p = 0, q = 0; i < yTrue.length; i++) {
            double s = yScore[i] + 0.0; // folds -0.0 into 0.0: NumPy treats them as one threshold
            if (yTrue[i] == positive) {
                pos[p++] = s;
            } else {
                neg[q++] = s;
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        return curveArea(pos, neg);
    }

    /** The positive label: y_true must hold exactly two distinct values. */
    private static double positiveLabel(double[] yTrue) {
        double a = yTrue[0];
        double b = Double.NaN;
        for (double y : yTrue) {
            if (y != a) {
                if (Double.isNaN(b)) {
                    b = y;
                } else if (y != b) {
                    throw new IllegalArgumentException("multiclass format is not supported: y_true has more than two"
                            + " distinct values.");
                }
            }
        }
        if (Double.isNaN(b)) {
            throw new IllegalArgumentException(
                    "Only one class present in y_true. ROC AUC score is not defined in that case.");
        }
        return Math.max(a, b);
    }

    /** Walks the distinct thresholds from the highest score down, accumulating true and false positives. */
    private static double curveArea(double[] pos, double[] neg) {
        int n = pos.length + neg.length;
        double[] tps = new double[n + 1];
        double[] fps = new double[n + 1];
        int points = 0;
        int i = pos.length - 1;
        int j = neg.length - 1;
        long tp = 0;
        long fp = 0;
        while (i >= 0 || j >= 0) {
            double t = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
            while (i >= 0 && pos[i] == t) {
                tp++;
                i--;
            }
            while (j >= 0 && neg[j] == t) {
                fp++;
                j--;
            }
            tps[points] = tp;
            fps[points] = fp;
            points++;
        }
        return trapezoid(dropIntermediate(tps, fps, points));
    }

    /**
     * {@code roc_curve(drop_intermediate=True)}: keeps the first and last points and every point
     * where the curve bends, then prepends (0, 0).
     */
    private static double[][] dropIntermediate(double[] tps, double[] fps, int points) {
        double[] x = new double[points + 1];
        double[] y = new double[points + 1];
        int kept = 1;
        for (int k = 0; k < points; k++) {
            boolean keep = points <= 2 || k == 0 || k == points - 1
                    || (fps[k + 1] - 2 * fps[k] + fps[k - 1]) != 0 || (tps[k + 1] - 2 * tps[k] + tps[k - 1]) != 0;
            if (keep) {
                x[kept] = fps[k];
                y[kept] = tps[k];
                kept++;
            }
        }
        double fpTotal = x[kept - 1];
        double tpTotal = y[kept - 1];
        for (int k = 0; k < kept; k++) {
            x[k] /= fpTotal;
            y[k] /= tpTotal;
        }
        return new double[][] {Arrays.copyOf(x, kept), Arrays.copyOf(y, kept)};
    }

    /** {@code np.trapz(y, x)}: pairwise sum of {@code dx * (y[i+1] + y[i]) / 2}. */
    private static double trapezoid(double[][] curve) {
        double[] x = curve[0];
        double[] y = curve[1];
        double[] parts = new double[x.length - 1];
        for (int k = 0; k < parts.length; k++) {
            parts[k] = (x[k + 1] - x[k]) * (y[k + 1] + y[k]) / 2.0;
        }
        return PairwiseSum.sum(parts);
    }

    /** {@code average="macro"}: the mean of per-column AUCs. */
    public static double macro(double[][] yTrueColumns, double[][] yScoreColumns) {
        if (yTrueColumns.length != yScoreColumns.length) {
            throw new IllegalArgumentException("y_true has " + yTrueColumns.length + " columns but y_score has "
                    + yScoreColumns.length + ".");
        }
        double[] aucs = new double[yTrueColumns.length];
        for (int c = 0; c < aucs.length; c++) {
            aucs[c] = binary(yTrueColumns[c], yScoreColumns[c]);
        }
        return PairwiseSum.mean(aucs);
    }
}
