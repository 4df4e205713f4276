package io.sandmle.reports.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Multiplicity adjustments of a family of p-values (Commons Math has none). NaN p-values stay NaN and are not counted. */
public final class Multiplicity {

    private Multiplicity() {
    }

    /** Holm's step-down adjustment (controls the family-wise error rate). */
    public static double[] holm(double[] p) {
        Integer[] order = ascending(p);
        int m = order.length;
        double[] adj = nanArray(p.length);
        double running = 0;
        for (int i = 0; i < m; i++) {
            running = Math.max(running, Math.min(1, (m - i) * p[order[i]]));
            adj[order[i]] = running;
        }
        return adj;
    }

    /** Benjamini–Hochberg step-up adjustment (controls the false discovery rate). */
    public static double[] benjaminiHochberg(double[] p) {
        Integer[] order = ascending(p);
        int m = order.length;
        double[] adj = nanArray(p.length);
        double running = 1;
        for (int i = m - 1; i >= 0; i--) {
            running = Math.min(running, Math.min(1, m * p[order[i]] / (i + 1)));
            adj[order[i]] = running;
        }
        return adj;
    }

    private static Integer[] ascending(double[] p) {
        return IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
