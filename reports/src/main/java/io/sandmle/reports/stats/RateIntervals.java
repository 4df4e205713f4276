package io.sandmle.reports.stats;

import io.sandmle.support.WilsonInterval;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * 95 % intervals for a single rate x/n: Wilson (the harness's one {@link WilsonInterval}) and Clopper–Pearson,
 * built from Beta quantiles because Commons Math 3.6.1's {@code ClopperPearsonInterval} throws at x = 0 and x = n.
 */
public final class RateIntervals {

    public static final double Z95 = 1.959963984540054;

    private RateIntervals() {
    }

    /** Wilson score interval. */
    public static Estimate wilson(int x, int n) {
        WilsonInterval interval = WilsonInterval.of(x, n, 0.95);
        return new Estimate((double) x / n, interval.lower(), interval.upper());
    }

    /** Exact (Clopper–Pearson) interval; lower is 0 when x = 0 and upper is 1 when x = n. */
    public static Estimate clopperPearson(int x, int n) {
        double lower = x == 0 ? 0 : new BetaDistribution(null, x, n - x + 1.0).inverseCumulativeProbability(0.025);
        double upper = x == n ? 1 : new BetaDistribution(null, x + 1.0, n - x).inverseCumulativeProbability(0.975);
        return new Estimate((double) x / n, lower, upper);
    }
}
