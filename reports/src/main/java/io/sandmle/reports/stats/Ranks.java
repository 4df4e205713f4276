package io.sandmle.reports.stats;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Average ranks (1 = smallest) with values within a tolerance counted as tied.
 *
 * @param ranks   rank of each input value
 * @param hasTies whether any values were tied
 * @param tieTerm Σ(t³ − t) over tie groups of size t (for variance corrections)
 */
public record Ranks(double[] ranks, boolean hasTies, double tieTerm) {

    public static Ranks average(double[] values, double tolerance) {
        int n = values.length;
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> values[i]))
                .toArray(Integer[]::new);
        double[] ranks = new double[n];
        boolean ties = false;
        double tieTerm = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] - values[order[i]] <= tolerance * Math.max(1, Math.abs(values[order[i]]))) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            int t = j - i + 1;
            if (t > 1) {
                ties = true;
                tieTerm += (double) t * t * t - t;
            }
            i = j + 1;
        }
        return new Ranks(ranks, ties, tieTerm);
    }
}
