package io.sandmle.reports.stats;

/**
 * Paired permutation test by sign flips of per-task differences (H0: within each task the two
 * labels are exchangeable). Exact enumeration up to {@link #EXACT_LIMIT} tasks, Monte Carlo above.
 */
public final class SignFlipTest {

    /** Largest number of tasks enumerated exactly (2^20 sign vectors). */
    public static final int EXACT_LIMIT = 20;

    /** @param meanDifference mean of d; p two-sided; exact whether enumerated; draws Monte-Carlo draws (0 if exact) */
    public record Result(double meanDifference, double p, boolean exact, int draws) {
    }

    private SignFlipTest() {
    }

    public static Result test(double[] d, int draws, long seed) {
        double observed = Math.abs(Descriptive.mean(d));
        // Floating-point sums of the same values in another order differ in the last bits: compare with a tolerance.
        double threshold = observed - 1e-9 * Math.max(1, observed);
        if (d.length <= EXACT_LIMIT) {
            long total = 1L << d.length;
            long extreme = 0;
            for (long mask = 0; mask < total; mask++) {
                if (Math.abs(signedMean(d, mask)) >= threshold) {
                    extreme++;
                }
            }
            return new Result(Descriptive.mean(d), (double) extreme / total, true, 0);
        }
        Rng rng = new Rng(seed);
        long extreme = 0;
        for (int b = 0; b < draws; b++) {
            double s = 0;
            long bits = 0;
            for (int i = 0; i < d.length; i++) {
                if ((i & 63) == 0) {
                    bits = rng.nextLong(); // 64 sign flips per random word
                }
                // Flip the sign bit directly: a data-dependent branch here mispredicts half the time.
                s += Double.longBitsToDouble(Double.doubleToRawLongBits(d[i]) ^ (bits << 63));
                bits >>>= 1;
            }
            if (Math.abs(s / d.length) >= threshold) {
                extreme++;
            }
        }
        return new Result(Descriptive.mean(d), (1.0 + extreme) / (1.0 + draws), false, draws);
    }

    private static double signedMean(double[] d, long mask) {
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            s += ((mask >>> i) & 1) == 0 ? d[i] : -d[i];
        }
        return s / d.length;
    }
}
