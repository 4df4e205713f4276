package io.sandmle.support;

import java.util.Arrays;
import java.util.List;

/**
 * Medians and quantiles with numpy's conventions, the one implementation every module uses: {@link #median} is
 * {@code numpy.median} (the mean of the two middle values for an even count), {@link #quantile} is
 * {@code numpy.quantile}'s default "linear" method (Hyndman–Fan type 7; Commons Math's default LEGACY differs)
 * and {@link #lowerQuantile} its "lower" method. No samples give NaN.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /** The median of {@code xs} (not modified). */
    public static double median(double[] xs) {
        return medianOfSorted(sorted(xs));
    }

    /** The median of boxed samples, as benchmarks collect them. */
    public static double median(List<Double> xs) {
        return median(unboxed(xs));
    }

    /** The median of values already sorted ascending. */
    public static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        int mid = n / 2;
        return n % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The type-7 {@code q}-quantile ({@code q} in [0, 1]) of {@code xs} (not modified). */
    public static double quantile(double[] xs, double q) {
        return quantileOfSorted(sorted(xs), q);
    }

    /** The type-7 {@code q}-quantile of boxed samples. */
    public static double quantile(List<Double> xs, double q) {
        return quantile(unboxed(xs), q);
    }

    /** The type-7 {@code q}-quantile of values already sorted ascending: linear between neighbouring order statistics. */
    public static double quantileOfSorted(double[] sorted, double q) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The order statistic at or below the {@code q}-quantile: always one of the values themselves. */
    public static double lowerQuantile(double[] xs, double q) {
        double[] s = sorted(xs);
        if (s.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1))));
        return s[i];
    }

    /** The largest sample. */
    public static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double[] sorted(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s;
    }

    private static double[] unboxed(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
