package io.sandmle.reports.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Wilcoxon signed-rank test with scipy's defaults ({@code zero_method='wilcox'}, no continuity
 * correction). Written here rather than taken from Commons Math 3.6.1, which keeps zero
 * differences, returns max(W+, W−), and uses a different normal approximation.
 * Exact null distribution when at most {@link #EXACT_LIMIT} non-zero differences, no ties and no
 * zeros (as scipy's 'auto'); otherwise the normal approximation with the tie correction.
 */
public final class WilcoxonSignedRank {

    public static final int EXACT_LIMIT = 50;
    private static final double TIE_TOLERANCE = 1e-12;

    /**
     * @param wPlus        sum of ranks of positive differences
     * @param wMinus       sum of ranks of negative differences
     * @param n            non-zero differences used
     * @param zerosDropped zero differences removed before ranking
     * @param p            two-sided p-value, NaN when n = 0
     * @param exact        exact distribution (true) or normal approximation
     * @param rankBiserial matched-pairs rank-biserial correlation (W+ − W−)/(W+ + W−)
     */
    public record Result(double wPlus, double wMinus, int n, int zerosDropped, double p, boolean exact,
                         double rankBiserial) {
        /** scipy's two-sided statistic, min(W+, W−). */
        public double statistic() {
            return Math.min(wPlus, wMinus);
        }
    }

    private WilcoxonSignedRank() {
    }

    public static Result test(double[] differences) {
        double[] d = Arrays.stream(differences).filter(v -> Math.abs(v) > TIE_TOLERANCE).toArray();
        int zeros = differences.length - d.length;
        int n = d.length;
        if (n == 0) {
            return new Result(0, 0, 0, zeros, Double.NaN, false, Double.NaN);
        }
        double[] abs = Arrays.stream(d).map(Math::abs).toArray();
        Ranks ranks = Ranks.average(abs, TIE_TOLERANCE);
        double wPlus = 0;
        double wMinus = 0;
        for (int i = 0; i < n; i++) {
            if (d[i] > 0) {
                wPlus += ranks.ranks()[i];
            } else {
                wMinus += ranks.ranks()[i];
            }
        }
        double w = Math.min(wPlus, wMinus);
        boolean exact = n <= EXACT_LIMIT && !ranks.hasTies() && zeros == 0;
        double p = exact ? exactP((int) Math.round(w), n) : normalP(w, n, ranks.tieTerm());
        return new Result(wPlus, wMinus, n, zeros, p, exact, (wPlus - wMinus) / (wPlus + wMinus));
    }

    /** 2·P(W ≤ w) under H0, by counting subsets of {1..n} with each rank sum. */
    private static double exactP(int w, int n) {
        int max = n * (n + 1) / 2;
        double[] count = new double[max + 1];
        count[0] = 1;
        for (int r = 1; r <= n; r++) {
            for (int s = max; s >= r; s--) {
                count[s] += count[s - r];
            }
        }
        double below = 0;
        for (int s = 0; s <= w; s++) {
            below += count[s];
        }
        return Math.min(1.0, 2 * below / Math.pow(2, n));
    }

    private static double normalP(double w, int n, double tieTerm) {
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm / 48.0;
        if (variance <= 0) {
            return 1.0;
        }
        double z = (w - mean) / Math.sqrt(variance);
        return Math.min(1.0, 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z)));
    }
}
