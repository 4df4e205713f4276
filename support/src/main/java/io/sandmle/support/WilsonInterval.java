package io.sandmle.support;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Wilson score interval of a binomial proportion: better behaved than the normal approximation for
 * small samples and rates near 0 or 1 (it never leaves [0, 1] and is not degenerate at 0 or n successes).
 *
 * @param lower the lower bound
 * @param upper the upper bound
 */
public record WilsonInterval(double lower, double upper) {

    /** The two-sided interval at {@code confidence} for {@code successes} out of {@code n} (n ≥ 1). */
    public static WilsonInterval of(int successes, int n, double confidence) {
        if (n <= 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n >= 1, got " + successes + "/" + n);
        }
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double p = (double) successes / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
        return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
