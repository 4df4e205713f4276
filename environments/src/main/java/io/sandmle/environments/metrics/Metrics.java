package io.sandmle.environments.metrics;

import io.sandmle.api.ColumnTable;
import io.sandmle.api.Metric;
import io.sandmle.environments.grading.PandasValues;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The metrics by registry name. Multi-column inputs are averaged column by column (scikit-learn's
 * {@code macro} / {@code uniform_average}). Metrics are immutable, so each name has one shared instance.
 */
public final class Metrics {

    private static final Pattern MAP_AT = Pattern.compile("map-at-(\\d+)");
    private static final int DEFAULT_K = 5;

    private static final Map<String, Metric> BY_NAME = Stream.of(
            columnwise("roc-auc", false, RocAuc::binary),
            columnwise("rmse", true, Regression::rmse),
            columnwise("mcrmse", true, Regression::rmse),
            columnwise("rmsle", true, Regression::rmsle),
            columnwise("mse", true, Regression::mse),
            columnwise("mae", true, Regression::mae),
            columnwise("r2", false, Regression::r2),
            new NamedMetric("log-loss", true, Metrics::logLoss),
            labels("accuracy", Classification::accuracy),
            labels("qwk", Classification::quadraticKappa),
            labels("f1-macro", l -> Classification.f1(l, Classification.Average.MACRO)),
            labels("f1-micro", l -> Classification.f1(l, Classification.Average.MICRO)),
            labels("f1-weighted", l -> Classification.f1(l, Classification.Average.WEIGHTED)),
            new NamedMetric("f1", false, Metrics::binaryF1),
            mapAtK(DEFAULT_K))
            .collect(Collectors.toUnmodifiableMap(Metric::name, Function.identity()));

    private Metrics() {
    }

    /** Every registered name, sorted; {@code map-at-<k>} for any k is accepted besides. */
    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }

    /**
     * The metric called {@code name}.
     *
     * @throws IllegalArgumentException naming the known metrics when there is none
     */
    public static Metric byName(String name) {
        Metric known = BY_NAME.get(name);
        if (known != null) {
            return known;
        }
        Matcher m = MAP_AT.matcher(name == null ? "" : name);
        if (m.matches()) {
            return mapAtK(Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException("No metric named '" + name + "'; known: " + String.join(", ", names())
                + ", map-at-<k>.");
    }

    /** The mean of a per-column score over every target column. */
    private static Metric columnwise(String name, boolean lowerIsBetter, ToDoubleBiFunction<double[], double[]> column) {
        return new NamedMetric(name, lowerIsBetter, (truth, predicted) -> {
            double[][] t = NamedMetric.numericColumns(truth);
            double[][] p = NamedMetric.numericColumns(predicted);
            double[] perColumn = new double[t.length];
            for (int c = 0; c < t.length; c++) {
                perColumn[c] = column.applyAsDouble(t[c], p[c]);
            }
            return PairwiseSum.mean(perColumn);
        });
    }

    /** A score of the row labels (numbers compared numerically, text as text); higher is better. */
    private static Metric labels(String name, ToDoubleFunction<Labels> score) {
        return new NamedMetric(name, false, (truth, predicted) -> score.applyAsDouble(
                Labels.encode(NamedMetric.rowLabels(truth), NamedMetric.rowLabels(predicted))));
    }

    /** {@code map-at-k} (k = 5) or {@code map-at-<k>}: mean average precision of space-separated lists. */
    private static Metric mapAtK(int k) {
        return new NamedMetric(k == DEFAULT_K ? "map-at-k" : "map-at-" + k, false,
                (truth, predicted) -> MeanAveragePrecision.atK(truth.columns().get(0), predicted.columns().get(0), k));
    }

    /** Binary with one column (labels vs P(positive)), else one-hot vs probabilities. */
    private static double logLoss(ColumnTable truth, ColumnTable predicted) {
        double[][] t = NamedMetric.numericColumns(truth);
        double[][] p = NamedMetric.numericColumns(predicted);
        if (t.length == 1) {
            return LogLoss.binary(t[0], p[0], false);
        }
        return LogLoss.multi(rowMajor(t), rowMajor(p), t.length, false);
    }

    private static double[] rowMajor(double[][] columns) {
        int k = columns.length;
        int n = columns[0].length;
        double[] out = new double[n * k];
        for (int c = 0; c < k; c++) {
            for (int r = 0; r < n; r++) {
                out[r * k + c] = columns[c][r];
            }
        }
        return out;
    }

    /** Binary F1 of the positive label 1 over one column of numeric labels in {0, 1}. */
    private static double binaryF1(ColumnTable truth, ColumnTable predicted) {
        double[] t = PandasValues.numeric(truth.columns().get(0), truth.names().get(0));
        double[] p = PandasValues.numeric(predicted.columns().get(0), predicted.names().get(0));
        for (double[] col : new double[][] {t, p}) {
            for (double v : col) {
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException("Binary F1 needs labels 0 and 1, found " + v + ".");
                }
            }
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < t.length; i++) {
            tp += t[i] == 1 && p[i] == 1 ? 1 : 0;
            fp += t[i] == 0 && p[i] == 1 ? 1 : 0;
            fn += t[i] == 1 && p[i] == 0 ? 1 : 0;
        }
        return Classification.fScore(tp, tp + fp, tp + fn);
    }
}
