package io.sandmle.environments.metrics;

/** scikit-learn's label-based scores over {@link Labels}: accuracy, quadratic kappa and F1. */
public final class Classification {

    private Classification() {
    }

    /** {@code accuracy_score}: the share of rows whose labels are equal. */
    public static double accuracy(Labels labels) {
        int[] t = labels.truth();
        int[] p = labels.predicted();
        long hits = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == p[i]) {
                hits++;
            }
        }
        return (double) hits / t.length;
    }

    /**
     * {@code cohen_kappa_score(weights="quadratic")}: {@code 1 - Σ w·O / Σ w·E} with
     * {@code w = (i-j)²} over label indices and {@code E} the outer product of the marginals over n.
     * One label in both columns gives 0/0, i.e. NaN, as in scikit-learn.
     */
    public static double quadraticKappa(Labels labels) {
        long[][] confusion = labels.confusion();
        int k = labels.classes();
        double[] colSums = new double[k];
        double[] rowSums = new double[k];
        double total = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                colSums[j] += confusion[i][j];
                rowSums[i] += confusion[i][j];
                total += confusion[i][j];
            }
        }
        double[] observed = new double[k * k];
        double[] expected = new double[k * k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double w = (double) (a - b) * (a - b);
                observed[a * k + b] = w * confusion[a][b];
                expected[a * k + b] = w * (colSums[a] * rowSums[b] / total);
            }
        }
        return 1 - PairwiseSum.sum(observed) / PairwiseSum.sum(expected);
    }

    /** How per-label F1 scores are combined. */
    public enum Average { MACRO, MICRO, WEIGHTED }

    /** {@code f1_score(average=...)} with {@code zero_division} giving 0. */
    public static double f1(Labels labels, Average average) {
        long[][] c = labels.confusion();
        int k = labels.classes();
        double[] f = new double[k];
        double[] support = new double[k];
        long tpAll = 0;
        long predAll = 0;
        long trueAll = 0;
        for (int j = 0; j < k; j++) {
            long tp = c[j][j];
            long predicted = 0;
            long actual = 0;
            for (int i = 0; i < k; i++) {
                predicted += c[i][j];
                actual += c[j][i];
            }
            f[j] = fScore(tp, predicted, actual);
            support[j] = actual;
            tpAll += tp;
            predAll += predicted;
            trueAll += actual;
        }
        switch (average) {
            case MICRO:
                return fScore(tpAll, predAll, trueAll);
            case WEIGHTED:
                double weighted = 0;
                for (int j = 0; j < k; j++) {
                    weighted += f[j] * support[j];
                }
                return weighted / PairwiseSum.sum(support);
            default:
                return PairwiseSum.mean(f);
        }
    }

    /** scikit-learn's F-beta with beta = 1: {@code 2·P·R / (P + R)}, 0 where undefined. */
    static double fScore(long tp, long predicted, long actual) {
        double precision = predicted == 0 ? 0 : (double) tp / predicted;
        double recall = actual == 0 ? 0 : (double) tp / actual;
        double denominator = precision + recall;
        return denominator == 0 ? 0 : 2 * precision * recall / denominator;
    }
}
