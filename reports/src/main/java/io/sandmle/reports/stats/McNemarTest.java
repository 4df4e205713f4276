package io.sandmle.reports.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * McNemar's test for paired binary outcomes (one run per task). Only the discordant counts matter:
 * b = A succeeded and B did not, c = the reverse.
 *
 * @param b           A-only successes
 * @param c           B-only successes
 * @param exactP      two-sided exact binomial p (NaN when b + c = 0)
 * @param midP        mid-p variant
 * @param chiSquaredCorrected continuity-corrected χ² statistic
 * @param chiSquaredCorrectedP its p-value (df 1)
 * @param oddsRatio   conditional odds ratio b/c
 * @param oddsRatioCi 95 % CI of the odds ratio (NaN bounds when b or c is 0)
 */
public record McNemarTest(int b, int c, double exactP, double midP, double chiSquaredCorrected,
                          double chiSquaredCorrectedP, double oddsRatio, Estimate oddsRatioCi) {

    public static McNemarTest of(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return new McNemarTest(b, c, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Estimate.pointOnly(Double.NaN));
        }
        // Commons Math 3.6.1 counts the central term twice when b = c and returns p > 1 (1.185 for 9 vs 9).
        double exact = Math.min(1, new BinomialTest().binomialTest(n, b, 0.5, AlternativeHypothesis.TWO_SIDED));
        BinomialDistribution dist = new BinomialDistribution(null, n, 0.5);
        int k = Math.min(b, c);
        double mid = Math.min(1, 2 * (dist.cumulativeProbability(k) - 0.5 * dist.probability(k)));
        double chi = Math.pow(Math.abs(b - c) - 1.0, 2) / n;
        double chiP = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(chi);
        double or = c == 0 ? Double.POSITIVE_INFINITY : (double) b / c;
        Estimate ci = Estimate.pointOnly(or);
        if (b > 0 && c > 0) {
            double half = RateIntervals.Z95 * Math.sqrt(1.0 / b + 1.0 / c);
            ci = new Estimate(or, Math.exp(Math.log(or) - half), Math.exp(Math.log(or) + half));
        }
        return new McNemarTest(b, c, exact, mid, chi, chiP, or, ci);
    }
}
