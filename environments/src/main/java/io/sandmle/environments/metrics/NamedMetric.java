package io.sandmle.environments.metrics;

import io.sandmle.api.ColumnTable;
import io.sandmle.api.Metric;
import io.sandmle.environments.grading.PandasValues;

/**
 * A {@link Metric} with a fixed name and direction whose score is a function of the two tables. Truth and
 * prediction tables hold the target columns only (no id), rows already aligned, in the same column order.
 */
final class NamedMetric implements Metric {

    /** The score of a truth and a prediction table of the same shape. */
    @FunctionalInterface
    interface Scoring {
        double score(ColumnTable truth, ColumnTable predicted);
    }

    private final String name;
    private final boolean lowerIsBetter;
    private final Scoring scoring;

    NamedMetric(String name, boolean lowerIsBetter, Scoring scoring) {
        this.name = name;
        this.lowerIsBetter = lowerIsBetter;
        this.scoring = scoring;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** Checks both tables have the same number of columns, at least one, then scores them. */
    @Override
    public double score(ColumnTable truth, ColumnTable predicted) {
        if (truth.names().isEmpty() || truth.names().size() != predicted.names().size()) {
            throw new IllegalArgumentException("The prediction has " + predicted.names().size()
                    + " target columns but the answers have " + truth.names().size() + ".");
        }
        return scoring.score(truth, predicted);
    }

    /** Every column of {@code t} as float64, named in errors by the column name. */
    static double[][] numericColumns(ColumnTable t) {
        double[][] out = new double[t.names().size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = PandasValues.numeric(t.columns().get(c), t.names().get(c));
        }
        return out;
    }

    /**
     * One label per row: the single column itself, or the row's values joined when there are
     * several (so that a row counts as right only when every column is, as for multi-label accuracy).
     */
    static String[] rowLabels(ColumnTable t) {
        if (t.names().size() == 1) {
            return t.columns().get(0);
        }
        String[] out = new String[t.rows()];
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < out.length; r++) {
            sb.setLength(0);
            for (String[] col : t.columns()) {
                sb.append(col[r]).append('\u0001');
            }
            out[r] = sb.toString();
        }
        return out;
    }
}
