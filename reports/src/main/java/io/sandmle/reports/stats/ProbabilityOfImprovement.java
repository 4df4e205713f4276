package io.sandmle.reports.stats;

import java.util.Arrays;

/**
 * Probability of improvement on one task (rliable; Vargha–Delaney A12): the chance that a random
 * run of X beats a random run of Y, ties counting one half. Computed directly as U1/(N·K) because
 * Commons Math's {@code MannWhitneyUTest.mannWhitneyU} returns max(U1, U2) whatever the order.
 */
public final class ProbabilityOfImprovement {

    private ProbabilityOfImprovement() {
    }

    /** P(X &gt; Y) + ½·P(X = Y) over all run pairs. */
    public static double onTask(double[] x, double[] y) {
        double[] sortedY = y.clone();
        Arrays.sort(sortedY);
        double wins = 0;
        for (double v : x) {
            int below = lowerBound(sortedY, v);
            int notAbove = upperBound(sortedY, v);
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) x.length * y.length);
    }

    /** Mean over tasks of {@link #onTask}; {@code x[t]} and {@code y[t]} are the runs on task t. */
    public static double overTasks(double[][] x, double[][] y) {
        double s = 0;
        for (int t = 0; t < x.length; t++) {
            s += onTask(x[t], y[t]);
        }
        return s / x.length;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
