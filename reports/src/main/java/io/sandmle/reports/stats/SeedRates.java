package io.sandmle.reports.stats;

/**
 * MLE-bench's headline convention: a percentage per seed over every task of the split, then mean ±
 * SEM (ddof 1; 0 with one seed) across seeds. Under the pad-missing rule a (task, seed) with no
 * episode counts as a failure, so {@code hits[seed]} is divided by the full task count.
 *
 * @param perSeed percentage for each seed
 * @param mean    mean over seeds
 * @param sem     standard error of that mean
 */
public record SeedRates(double[] perSeed, double mean, double sem) {

    public static SeedRates of(int[] hitsPerSeed, int tasks) {
        double[] pct = new double[hitsPerSeed.length];
        for (int i = 0; i < pct.length; i++) {
            pct[i] = 100.0 * hitsPerSeed[i] / tasks;
        }
        return new SeedRates(pct, Descriptive.mean(pct), Descriptive.sem(pct));
    }

    /** The normal 95 % interval mean ± 1.96·SEM that MLE-bench's aggregator prints. */
    public Estimate interval() {
        return new Estimate(mean, mean - 1.96 * sem, mean + 1.96 * sem);
    }
}
