package io.sandmle.reports.stats;

import io.sandmle.support.Quantiles;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * rliable's stratified bootstrap ({@code task_bootstrap=False}): every replicate redraws each
 * task's runs with replacement within the task, then recomputes median, IQM, mean and optimality
 * gap. This answers "how much would the aggregate move if we re-ran the same tasks".
 *
 * <p>Speed: the runs are sorted once; a replicate only counts how often each sorted position was
 * drawn, so the IQM needs a scan of the two trimmed tails of the counts instead of a sort, and all
 * four statistics come from one draw.
 */
public final class StratifiedBootstrap {

    /** The four aggregates of rliable's interval-estimate plot, each with a 95 % percentile CI. */
    public record Aggregates(Estimate median, Estimate iqm, Estimate mean, Estimate optimalityGap) {
    }

    private final int tasks;
    private final int[] offset;
    private final int[] runs;
    private final double[] values;
    private final double[] clipped;
    private final int[] sortedPosition;
    private final double[] sortedValues;
    private final double gamma;
    private final boolean noneAboveGamma;

    /** @param runsPerTask {@code runsPerTask[t]} = scores of every run on task t (at least one each) */
    public StratifiedBootstrap(double[][] runsPerTask, double gamma) {
        this.tasks = runsPerTask.length;
        this.gamma = gamma;
        this.offset = new int[tasks];
        this.runs = new int[tasks];
        int n = 0;
        for (int t = 0; t < tasks; t++) {
            offset[t] = n;
            runs[t] = runsPerTask[t].length;
            n += runs[t];
        }
        this.values = new double[n];
        for (int t = 0; t < tasks; t++) {
            System.arraycopy(runsPerTask[t], 0, values, offset[t], runs[t]);
        }
        this.clipped = Arrays.stream(values).map(v -> Math.min(v, gamma)).toArray();
        this.noneAboveGamma = Arrays.stream(values).allMatch(v -> v <= gamma);
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> values[i]))
                .toArray(Integer[]::new);
        this.sortedPosition = new int[n];
        this.sortedValues = new double[n];
        for (int p = 0; p < n; p++) {
            sortedPosition[order[p]] = p;
            sortedValues[p] = values[order[p]];
        }
    }

    /** Point estimates on the observed runs. */
    public Aggregates pointEstimates() {
        double[] taskMeans = new double[tasks];
        for (int t = 0; t < tasks; t++) {
            taskMeans[t] = Descriptive.mean(Arrays.copyOfRange(values, offset[t], offset[t] + runs[t]));
        }
        return new Aggregates(Estimate.pointOnly(Quantiles.median(taskMeans)),
                Estimate.pointOnly(Descriptive.iqm(values)), Estimate.pointOnly(Descriptive.mean(taskMeans)),
                Estimate.pointOnly(Descriptive.optimalityGap(values, gamma)));
    }

    /** Point estimates with 95 % percentile CIs from {@code reps} replicates. */
    public Aggregates run(int reps, long seed) {
        double[][] out = new double[4][reps];
        int n = values.length;
        Replicates.run(reps, seed, chunk -> {
            int[] counts = new int[n];
            double[] taskMeans = new double[tasks];
            return (from, to, rng) -> {
                for (int r = from; r < to; r++) {
                    Arrays.fill(counts, 0);
                    double clipSum = 0;
                    double meanSum = 0;
                    double total = 0;
                    for (int t = 0; t < tasks; t++) {
                        int k = runs[t];
                        int base = offset[t];
                        double s = 0;
                        double s2 = 0; // a second accumulator halves the floating-point dependency chain
                        // Two draws per 64 random bits (multiply-shift on each 32-bit half).
                        for (int j = 0; j < k; j += 2) {
                            long bits = rng.nextLong();
                            int i = base + (int) (((bits >>> 32) * k) >>> 32);
                            counts[sortedPosition[i]]++;
                            s += values[i];
                            if (j + 1 < k) {
                                int i2 = base + (int) (((bits & 0xFFFFFFFFL) * k) >>> 32);
                                counts[sortedPosition[i2]]++;
                                s2 += values[i2];
                                if (!noneAboveGamma) {
                                    clipSum += clipped[i2];
                                }
                            }
                            if (!noneAboveGamma) {
                                clipSum += clipped[i];
                            }
                        }
                        s += s2;
                        total += s;
                        taskMeans[t] = s / k;
                        meanSum += taskMeans[t];
                    }
                    out[2][r] = meanSum / tasks;
                    out[3][r] = gamma - (noneAboveGamma ? total : clipSum) / n; // min(x, γ) = x when nothing exceeds γ
                    out[1][r] = trimmedMean(counts, total);
                    Arrays.sort(taskMeans);
                    out[0][r] = Quantiles.medianOfSorted(taskMeans);
                }
            };
        });
        Aggregates point = pointEstimates();
        return new Aggregates(Descriptive.percentileInterval(point.median().point(), out[0]),
                Descriptive.percentileInterval(point.iqm().point(), out[1]),
                Descriptive.percentileInterval(point.mean().point(), out[2]),
                Descriptive.percentileInterval(point.optimalityGap().point(), out[3]));
    }

    /**
     * Mean of the drawn multiset without its lowest and highest floor(n/4) draws: the total minus
     * both tails, so only the tails of the counts are scanned.
     */
    private double trimmedMean(int[] counts, double total) {
        int n = values.length;
        int cut = n / 4;
        return (total - tail(counts, cut, 0, 1) - tail(counts, cut, n - 1, -1)) / (n - 2 * cut);
    }

    /** Sum of the first {@code cut} draws met walking the sorted positions from {@code start} by {@code step}. */
    private double tail(int[] counts, int cut, int start, int step) {
        double sum = 0;
        int need = cut;
        for (int p = start; need > 0; p += step) {
            int take = Math.min(counts[p], need);
            sum += take * sortedValues[p];
            need -= take;
        }
        return sum;
    }
}
