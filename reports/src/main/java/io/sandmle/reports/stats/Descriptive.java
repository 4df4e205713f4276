package io.sandmle.reports.stats;

import io.sandmle.support.Quantiles;
import java.util.Arrays;

/**
 * Means and spreads with numpy's conventions: SD/SEM with ddof = 1, IQM as {@code scipy.stats.trim_mean(x, 0.25)}
 * which drops floor(0.25·n) values from each end. Medians and percentiles come from {@link Quantiles} (type 7).
 */
public final class Descriptive {

    private Descriptive() {
    }

    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample standard deviation (ddof = 1); 0 for fewer than two values. */
    public static double sd(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** Standard error of the mean (ddof = 1), 0 for one value, as scipy.stats.sem and MLE-bench use it. */
    public static double sem(double[] x) {
        return x.length < 2 ? 0 : sd(x) / Math.sqrt(x.length);
    }

    /** Interquartile mean: trim floor(0.25·n) values from each end of the sorted values and average the rest. */
    public static double iqm(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int cut = (int) Math.floor(0.25 * s.length);
        double sum = 0;
        for (int i = cut; i < s.length - cut; i++) {
            sum += s[i];
        }
        return sum / (s.length - 2 * cut);
    }

    /** Optimality gap {@code γ − mean(min(x, γ))}; lower is better. */
    public static double optimalityGap(double[] x, double gamma) {
        double s = 0;
        for (double v : x) {
            s += Math.min(v, gamma);
        }
        return gamma - s / x.length;
    }

    /** A 95 % percentile interval (2.5th, 97.5th; type 7) of bootstrap replicates around {@code point}. */
    public static Estimate percentileInterval(double point, double[] replicates) {
        double[] s = replicates.clone();
        Arrays.sort(s);
        return new Estimate(point, Quantiles.quantileOfSorted(s, 0.025), Quantiles.quantileOfSorted(s, 0.975));
    }
}
