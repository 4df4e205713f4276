package io.sandmle.environments.metrics;

import io.sandmle.api.ColumnTable;
import io.sandmle.api.Metric;
import io.sandmle.environments.grading.PandasValues;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics by registry name, and one small public class per name so that each can be
 * registered as a {@code METRIC} extension. Multi-column inputs are averaged column by column
 * (scikit-learn's {@code macro} / {@code uniform_average}).
 */
public final class Metrics {

    private static final Pattern MAP_AT = Pattern.compile("map-at-(\\d+)");

    private static final Map<String, Supplier<Metric>> BY_NAME = Map.ofEntries(
            Map.entry("roc-auc", RocAucMetric::new),
            Map.entry("log-loss", LogLossMetric::new),
            Map.entry("accuracy", AccuracyMetric::new),
            Map.entry("qwk", QwkMetric::new),
            Map.entry("rmse", RmseMetric::new),
            Map.entry("mcrmse", McrmseMetric::new),
            Map.entry("rmsle", RmsleMetric::new),
            Map.entry("mse", MseMetric::new),
            Map.entry("mae", MaeMetric::new),
            Map.entry("r2", R2Metric::new),
            Map.entry("f1", F1BinaryMetric::new),
            Map.entry("f1-macro", F1MacroMetric::new),
            Map.entry("f1-micro", F1MicroMetric::new),
            Map.entry("f1-weighted", F1WeightedMetric::new),
            Map.entry("map-at-k", MapAtKMetric::new));

    private Metrics() {
    }

    /** Every registered name, plus {@code map-at-<k>} for any k. */
    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }

    /**
     * The metric called {@code name}.
     *
     * @throws IllegalArgumentException naming the known metrics when there is none
     */
    public static Metric byName(String name) {
        Supplier<Metric> s = BY_NAME.get(name);
        if (s != null) {
            return s.get();
        }
        Matcher m = MAP_AT.matcher(name == null ? "" : name);
        if (m.matches()) {
            return new MapAtKMetric(Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException("No metric named '" + name + "'; known: " + String.join(", ", names())
                + ", map-at-<k>.");
    }

    /** Mean of a per-column score over every target column. */
    private abstract static class ColumnwiseMetric extends NamedMetric {
        ColumnwiseMetric(String name, boolean lowerIsBetter) {
            super(name, lowerIsBetter);
        }

        abstract double column(double[] truth, double[] predicted);

        @Override
        public double score(ColumnTable truth, ColumnTable predicted) {
            sameShape(truth, predicted);
            double[][] t = numericColumns(truth);
            double[][] p = numericColumns(predicted);
            double[] perColumn = new double[t.length];
            for (int c = 0; c < t.length; c++) {
                perColumn[c] = column(t[c], p[c]);
            }
            return PairwiseSum.mean(perColumn);
        }
    }

    /** {@code roc-auc}: binary ROC-AUC, mean over columns. */
    public static final class RocAucMetric extends ColumnwiseMetric {
        public RocAucMetric() {
            super("roc-auc", false);
        }

        @Override
        double column(double[] truth, double[] predicted) {
            return RocAuc.binary(truth, predicted);
        }
    }

    /** {@code rmse}: root mean squared error, mean over columns. */
    public static final class RmseMetric extends ColumnwiseMetric {
        public RmseMetric() {
            super("rmse", true);
        }

        @Override
        double column(double[] truth, double[] predicted) {
            return Regression.rmse(truth, predicted);
        }
    }

    /** {@code mcrmse}: mean column-wise root mean squared error. */
    public static final class McrmseMetric extends ColumnwiseMetric {
        public McrmseMetric() {
            super("mcrmse", true);
        }

        @Override
        double column(double[] truth, double[] predicted) {
            return Regression.rmse(truth, predicted);
        }
    }

    /** {@code rmsle}: root mean squared log error, mean over columns. */
    public static final class RmsleMetric extends ColumnwiseMetric {
        public RmsleMetric() {
            super("rmsle", true);
        }

        @Override
        double column(double[] truth, double[] predicted) {
            return Regression.rmsle(truth, predicted);
        }
    }

    /** {@code mse}: mean squared error, mean over columns. */
    public static final class MseMetric extends ColumnwiseMetric {
        public MseMetric() {
            super("mse", true);
        }

        @Override
        double column(double[] truth, double[] predicted) {
            return Regression.mse(truth, predicted);
        }
    }

    /** {@code mae}: mean absolute error, mean over columns. */
    public static final class MaeMetric extends ColumnwiseMetric {
        public MaeMetric() {
            super("mae", true);
        }

        @Override
        double column(double[] truth, double[] predicted) {
            return Regression.mae(truth, predicted);
        }
    }

    /** {@code r2}: coefficient of determination, mean over columns. */
    public static final class R2Metric extends ColumnwiseMetric {
        public R2Metric() {
            super("r2", false);
        }

        @Override
        double column(double[] truth, double[] predicted) {
            return Regression.r2(truth, predicted);
        }
    }

    /** {@code log-loss}: binary with one column (labels vs P(positive)), else one-hot vs probabilities. */
    public static final class LogLossMetric extends NamedMetric {
        public LogLossMetric() {
            super("log-loss", true);
        }

        @Override
        public double score(ColumnTable truth, ColumnTable predicted) {
            sameShape(truth, predicted);
            double[][] t = numericColumns(truth);
            double[][] p = numericColumns(predicted);
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
    }

    /** {@code accuracy}: share of rows predicted exactly (numbers numerically, text as text). */
    public static final class AccuracyMetric extends NamedMetric {
        public AccuracyMetric() {
            super("accuracy", false);
        }

        @Override
        public double score(ColumnTable truth, ColumnTable predicted) {
            sameShape(truth, predicted);
            return Classification.accuracy(Labels.encode(rowLabels(truth), rowLabels(predicted)));
        }
    }

    /** {@code qwk}: quadratic weighted Cohen's kappa of one label column. */
    public static final class QwkMetric extends NamedMetric {
        public QwkMetric() {
            super("qwk", false);
        }

        @Override
        public double score(ColumnTable truth, ColumnTable predicted) {
            sameShape(truth, predicted);
            return Classification.quadraticKappa(Labels.encode(rowLabels(truth), rowLabels(predicted)));
        }
    }

    /** F1 over one label column, averaged as configured. */
    private abstract static class F1Metric extends NamedMetric {
        private final Classification.Average average;

        F1Metric(String name, Classification.Average average) {
            super(name, false);
            this.average = average;
        }

        @Override
        public double score(ColumnTable truth, ColumnTable predicted) {
            sameShape(truth, predicted);
            return Classification.f1(Labels.encode(rowLabels(truth), rowLabels(predicted)), average);
        }
    }

    /** {@code f1-macro}: unweighted mean of per-label F1. */
    public static final class F1MacroMetric extends F1Metric {
        public F1MacroMetric() {
            super("f1-macro", Classification.Average.MACRO);
        }
    }

    /** {@code f1-micro}: F1 of the pooled counts. */
    public static final class F1MicroMetric extends F1Metric {
        public F1MicroMetric() {
            super("f1-micro", Classification.Average.MICRO);
        }
    }

    /** {@code f1-weighted}: per-label F1 weighted by support. */
    public static final class F1WeightedMetric extends F1Metric {
        public F1WeightedMetric() {
            super("f1-weighted", Classification.Average.WEIGHTED);
        }
    }

    /** {@code f1}: binary F1 of the positive label 1 (numeric labels in {0, 1}). */
    public static final class F1BinaryMetric extends NamedMetric {
        public F1BinaryMetric() {
            super("f1", false);
        }

        @Override
        public double score(ColumnTable truth, ColumnTable predicted) {
            sameShape(truth, predicted);
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

    /** {@code map-at-k} (k = 5) or {@code map-at-<k>}: mean average precision of space-separated lists. */
    public static final class MapAtKMetric extends NamedMetric {
        private final int k;

        public MapAtKMetric() {
            this(5);
        }

        MapAtKMetric(int k) {
            super(k == 5 ? "map-at-k" : "map-at-" + k, false);
            this.k = k;
        }

        @Override
        public double score(ColumnTable truth, ColumnTable predicted) {
            sameShape(truth, predicted);
            return MeanAveragePrecision.atK(truth.columns().get(0), predicted.columns().get(0), k);
        }
    }
}
