package io.sandmle.cli.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The baseline the report benchmark is measured against: rliable's stratified bootstrap of the
 * IQM written the obvious way (copy the resampled runs, sort, trim), one replicate at a time.
 */
public final class NaiveBootstrap {

    private NaiveBootstrap() {
    }

    /** {@code reps} replicates of the IQM of {@code runsPerTask} resampled within each task. */
    public static double[] iqm(double[][] runsPerTask, int reps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = Arrays.stream(runsPerTask).mapToInt(r -> r.length).sum();
        double[] out = new double[reps];
        double[] pooled = new double[n];
        for (int b = 0; b < reps; b++) {
            int k = 0;
            for (double[] runs : runsPerTask) {
                for (int j = 0; j < runs.length; j++) {
                    pooled[k++] = runs[rng.nextInt(runs.length)];
                }
            }
            Arrays.sort(pooled);
            int cut = n / 4;
            double sum = 0;
            for (int i = cut; i < n - cut; i++) {
                sum += pooled[i];
            }
            out[b] = sum / (n - 2 * cut);
        }
        return out;
    }
}
