package io.sandmle.reports.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Paired t-test on per-task differences (secondary; for roughly continuous scores and T ≳ 30).
 *
 * @param t  statistic
 * @param df degrees of freedom T − 1
 * @param p  two-sided p-value (NaN when the differences have no spread)
 * @param meanDifference mean with its 95 % t interval
 */
public record PairedTTest(double t, int df, double p, Estimate meanDifference) {

    public static PairedTTest of(double[] d) {
        double mean = Descriptive.mean(d);
        double se = Descriptive.sd(d) / Math.sqrt(d.length);
        int df = d.length - 1;
        if (df < 1 || se == 0) {
            return new PairedTTest(Double.NaN, df, Double.NaN, Estimate.pointOnly(mean));
        }
        TDistribution dist = new TDistribution(null, df);
        double t = mean / se;
        double p = 2 * dist.cumulativeProbability(-Math.abs(t));
        double q = dist.inverseCumulativeProbability(0.975);
        return new PairedTTest(t, df, p, new Estimate(mean, mean - q * se, mean + q * se));
    }
}
