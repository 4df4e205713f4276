package io.sandmle.environments.metrics;

/**
 * NumPy's pairwise summation ({@code np.sum} / {@code np.mean} over a contiguous float64 array):
 * blocks of up to 128 values are summed with eight interleaved accumulators, larger ranges are
 * split in two. Using the same order as NumPy keeps results identical to the last bit, which
 * matters when a score is rounded to 5 decimals.
 */
public final class PairwiseSum {

    private static final int BLOCK = 128;

    private PairwiseSum() {
    }

    /** Sum of {@code a[from, from+n)} in NumPy's order. */
    public static double sum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
            double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
            int i = 8;
            int stop = n - n % 8;
            for (; i < stop; i += 8) {
                int k = from + i;
                r0 += a[k];
                r1 += a[k + 1];
                r2 += a[k + 2];
                r3 += a[k + 3];
                r4 += a[k + 4];
                r5 += a[k + 5];
                r6 += a[k + 6];
                r7 += a[k + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int half = n / 2;
        half -= half % 8;
        return sum(a, from, half) + sum(a, from + half, n - half);
    }

    /** Sum of the whole array. */
    public static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    /** {@code np.mean}: the pairwise sum divided by the length. */
    public static double mean(double[] a) {
        return sum(a) / a.length;
    }
}
