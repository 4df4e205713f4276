package io.sandmle.reports.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Power analysis for success rates (Bjarnason et al. 2026): runs per system needed to detect a
 * difference δ between two systems on T tasks, and the smallest difference R runs can detect.
 * {@code vbar} is the mean per-task Bernoulli variance p_t(1 − p_t).
 */
public final class Power {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Power() {
    }

    /** z_{α/2} + z_β for a two-sided test at {@code alpha} with the given power. */
    public static double zSum(double alpha, double power) {
        return NORMAL.inverseCumulativeProbability(1 - alpha / 2) + NORMAL.inverseCumulativeProbability(power);
    }

    /** Runs per system: {@code 2·vbar·(z_{α/2}+z_β)² / (T·δ²)} (not rounded). */
    public static double runsNeeded(double vbar, int tasks, double delta, double alpha, double power) {
        double z = zSum(alpha, power);
        return 2 * vbar * z * z / (tasks * delta * delta);
    }

    /** Minimum detectable difference with R runs per system: {@code sqrt(2·vbar·z² / (T·R))}. */
    public static double minimumDetectableDifference(double vbar, int tasks, int runs, double alpha, double power) {
        double z = zSum(alpha, power);
        return Math.sqrt(2 * vbar * z * z / ((double) tasks * runs));
    }
}
