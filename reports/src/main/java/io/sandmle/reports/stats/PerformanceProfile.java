package io.sandmle.reports.stats;

/**
 * rliable performance profile: the run-score distribution F(τ) = mean over tasks of the fraction
 * of that task's runs scoring strictly above τ, with a task-bootstrap 95 % band at each τ.
 *
 * @param tau  the grid
 * @param curve F(τ) with its band at each grid point
 */
public record PerformanceProfile(double[] tau, Estimate[] curve) {

    /** Average-score variant: fraction of tasks whose mean run score is strictly above τ. */
    public static double averageScoreAt(double[][] runsPerTask, double tau) {
        int above = 0;
        for (double[] runs : runsPerTask) {
            if (Descriptive.mean(runs) > tau) {
                above++;
            }
        }
        return (double) above / runsPerTask.length;
    }

    /** Run-score F(τ) without an interval. */
    public static double runScoreAt(double[][] runsPerTask, double tau) {
        double s = 0;
        for (double[] runs : runsPerTask) {
            s += fractionAbove(runs, tau);
        }
        return s / runsPerTask.length;
    }

    /** The profile on {@code tau} with task-bootstrap bands. */
    public static PerformanceProfile of(double[][] runsPerTask, double[] tau, int reps, long seed) {
        double[][] series = new double[tau.length][runsPerTask.length];
        for (int g = 0; g < tau.length; g++) {
            for (int t = 0; t < runsPerTask.length; t++) {
                series[g][t] = fractionAbove(runsPerTask[t], tau[g]);
            }
        }
        return new PerformanceProfile(tau, TaskBootstrap.meanIntervals(series, reps, seed));
    }

    /** {@code points} evenly spaced values from lo to hi inclusive (numpy linspace). */
    public static double[] linspace(double lo, double hi, int points) {
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = points == 1 ? lo : lo + (hi - lo) * i / (points - 1);
        }
        return g;
    }

    private static double fractionAbove(double[] runs, double tau) {
        int above = 0;
        for (double v : runs) {
            if (v > tau) {
                above++;
            }
        }
        return (double) above / runs.length;
    }
}
