package io.sandmle.reports.stats;

/**
 * Unbiased pass@k (Chen et al. 2021: at least one of k runs succeeds) and pass^k (τ-bench: all k
 * runs succeed) for a task with n runs of which c succeeded.
 */
public final class PassAtK {

    private PassAtK() {
    }

    /** {@code 1 − C(n−c, k)/C(n, k)} in the numerically stable product form; needs n ≥ k. */
    public static double passAt(int n, int c, int k) {
        requireRuns(n, k);
        if (n - c < k) {
            return 1.0;
        }
        double prod = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            prod *= 1.0 - (double) k / i;
        }
        return 1.0 - prod;
    }

    /** {@code C(c, k)/C(n, k)} = Π_{i<k} (c−i)/(n−i); 0 when c < k; needs n ≥ k. */
    public static double passHat(int n, int c, int k) {
        requireRuns(n, k);
        if (c < k) {
            return 0.0;
        }
        double prod = 1.0;
        for (int i = 0; i < k; i++) {
            prod *= (double) (c - i) / (n - i);
        }
        return prod;
    }

    private static void requireRuns(int n, int k) {
        if (k < 1 || n < k) {
            throw new IllegalArgumentException("pass@k needs 1 <= k <= n runs, got k=" + k + ", n=" + n);
        }
    }
}
