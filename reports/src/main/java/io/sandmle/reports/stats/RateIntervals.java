package io.sandmle.reports.stats;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * 95 % intervals for a single rate x/n. Clopper–Pearson is built from Beta quantiles because
 * Commons Math 3.6.1's {@code ClopperPearsonInterval} throws at x = 0 and x = n.
 */
public final class RateIntervals {

    public static final double Z95 = 1.959963984540054;

    private RateIntervals() {
    }

    /** Wilson score interval. */
    public static Estimate wilson(int x, int n) {
        double p = (double) x / n;
        double z2 = Z95 * Z95;
        double den = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / den;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / den;
        return new Estimate(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Exact (Clopper–Pearson) interval; lower is 0 when x = 0 and upper is 1 when x = n. */
    public static Estimate clopperPearson(int x, int n) {
        double lower = x == 0 ? 0 : new BetaDistribution(null, x, n - x + 1.0).inverseCumulativeProbability(0.025);
        double upper = x == n ? 1 : new BetaDistribution(null, x + 1.0, n - x).inverseCumulativeProbability(0.975);
        return new Estimate((double) x / n, lower, upper);
    }
}
