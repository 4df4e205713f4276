package io.sandmle.reports.stats;

/**
 * Cluster bootstrap over tasks: each replicate draws T task indices with replacement and averages
 * every series over the same draw, so paired series (two systems, a difference) stay paired. This
 * answers "how much would the mean move on a new draw of tasks" (run noise + task sampling).
 */
public final class TaskBootstrap {

    private TaskBootstrap() {
    }

    /**
     * Bootstrap replicates of the mean of each series.
     *
     * @param series {@code series[s][t]} = value of series s on task t (all series the same length T ≥ 1)
     * @return {@code replicates[r][s]}
     */
    public static double[][] means(double[][] series, int reps, long seed) {
        int s = series.length;
        int tasks = series[0].length;
        double[] byTask = new double[tasks * s]; // task-major so one drawn task reads one cache line run
        for (int i = 0; i < s; i++) {
            for (int t = 0; t < tasks; t++) {
                byTask[t * s + i] = series[i][t];
            }
        }
        double[][] out = new double[reps][s];
        Replicates.run(reps, seed, chunk -> (from, to, rng) -> {
            for (int r = from; r < to; r++) {
                double[] sum = out[r];
                for (int k = 0; k < tasks; k++) {
                    int base = rng.nextInt(tasks) * s;
                    for (int i = 0; i < s; i++) {
                        sum[i] += byTask[base + i];
                    }
                }
                for (int i = 0; i < s; i++) {
                    sum[i] /= tasks;
                }
            }
        });
        return out;
    }

    /** 95 % percentile intervals of the mean of each series, with the observed mean as point. */
    public static Estimate[] meanIntervals(double[][] series, int reps, long seed) {
        double[][] reps2 = means(series, reps, seed);
        Estimate[] out = new Estimate[series.length];
        double[] column = new double[reps];
        for (int i = 0; i < series.length; i++) {
            for (int r = 0; r < reps; r++) {
                column[r] = reps2[r][i];
            }
            out[i] = Descriptive.percentileInterval(Descriptive.mean(series[i]), column);
        }
        return out;
    }

    /** Convenience for one series. */
    public static Estimate meanInterval(double[] values, int reps, long seed) {
        return meanIntervals(new double[][]{values}, reps, seed)[0];
    }
}
