package io.sandmle.cli.bench;

import io.sandmle.support.Quantiles;

/**
 * One side's timed repetitions of one grade.
 *
 * @param wallMillis wall time of each repetition
 * @param cpuMillis  CPU time of each repetition (Java: the grading thread; Python: the process)
 * @param score      the score that side computed, to show both agree
 */
record GradingTimes(double[] wallMillis, double[] cpuMillis, String score) {

    double medianWall() {
        return Quantiles.median(wallMillis);
    }

    double medianCpu() {
        return Quantiles.median(cpuMillis);
    }
}
