package io.sandmle.reports.stats;

/** Standardised and distribution-free effect sizes for paired comparisons. */
public final class EffectSizes {

    private EffectSizes() {
    }

    /** Paired Cohen's d_z = mean(d) / SD(d); NaN when SD is 0. */
    public static double cohenDz(double[] d) {
        double sd = Descriptive.sd(d);
        return sd == 0 ? Double.NaN : Descriptive.mean(d) / sd;
    }

    /** Cohen's h for two proportions: 2·asin(√p1) − 2·asin(√p2). */
    public static double cohenH(double p1, double p2) {
        return 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
    }

    /** Cliff's δ from a probability of improvement (A12): 2·A12 − 1. */
    public static double cliffsDelta(double a12) {
        return 2 * a12 - 1;
    }
}
