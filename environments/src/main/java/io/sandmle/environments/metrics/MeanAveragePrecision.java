package io.sandmle.environments.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Kaggle's MAP@k over space-separated label lists: for each row, precision at each rank where a
 * new correct label appears, summed and divided by {@code min(|actual|, k)}; rows without actual
 * labels score 0. Then the mean over rows.
 */
public final class MeanAveragePrecision {

    private MeanAveragePrecision() {
    }

    /** MAP@k of the rows. */
    public static double atK(String[] actual, String[] predicted, int k) {
        Inputs.sameLength(actual.length, predicted.length);
        double[] scores = new double[actual.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = averagePrecision(tokens(actual[i]), tokens(predicted[i]), k);
        }
        return PairwiseSum.mean(scores);
    }

    private static List<String> tokens(String s) {
        String t = s.strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    static double averagePrecision(List<String> actual, List<String> predicted, int k) {
        if (actual.isEmpty()) {
            return 0.0;
        }
        Set<String> truth = new HashSet<>(actual);
        Set<String> seen = new HashSet<>();
        double score = 0;
        int hits = 0;
        for (int i = 0; i < Math.min(k, predicted.size()); i++) {
            String p = predicted.get(i);
            if (truth.contains(p) && seen.add(p)) {
                hits++;
                score += hits / (i + 1.0);
            }
        }
        return score / Math.min(actual.size(), k);
    }
}
