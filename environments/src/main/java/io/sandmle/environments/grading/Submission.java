package io.sandmle.environments.grading;

import io.sandmle.api.ColumnTable;
import io.sandmle.api.Metric;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed submission (or answers) table with the checks MLE-bench's graders apply, each failing
 * with one sentence that says what to fix.
 */
public final class Submission {

    private final ColumnTable table;
    private final String what;

    private Submission(ColumnTable table, String what) {
        this.table = table;
        this.what = what;
    }

    /** Wraps the submission table. */
    public static Submission of(ColumnTable table) {
        return new Submission(table, "submission");
    }

    /** Wraps an answers table (errors then name the answers, which point at broken data, not the agent). */
    public static Submission answers(ColumnTable table) {
        return new Submission(table, "answers");
    }

    public ColumnTable table() {
        return table;
    }

    public int rows() {
        return table.rows();
    }

    public List<String> columns() {
        return table.names();
    }

    /** The raw text of a column, which must exist. */
    public String[] text(String column) {
        requireColumns(List.of(column));
        return table.column(column);
    }

    /** A column as float64 ({@code pd.to_numeric} / {@code astype(float)}). */
    public double[] numeric(String column) {
        return PandasValues.numeric(text(column), column);
    }

    /** Fails naming every missing column. */
    public Submission requireColumns(List<String> required) {
        Set<String> missing = new LinkedHashSet<>(required);
        missing.removeAll(table.names());
        if (!missing.isEmpty()) {
            throw new InvalidSubmissionException("The " + what + " is missing the column" + (missing.size() > 1 ? "s " : " ")
                    + quoted(missing) + " (it has " + quoted(table.names()) + ").");
        }
        return this;
    }

    /** The column set must be exactly {@code expected} (order free). */
    public Submission requireExactColumns(List<String> expected) {
        requireColumns(expected);
        List<String> extra = new ArrayList<>(table.names());
        extra.removeAll(expected);
        if (!extra.isEmpty()) {
            throw new InvalidSubmissionException("The " + what + " has unexpected column" + (extra.size() > 1 ? "s " : " ")
                    + quoted(extra) + "; expected exactly " + quoted(expected) + ".");
        }
        return this;
    }

    /** Same number of rows as {@code expected}. */
    public Submission requireRows(int expected) {
        if (rows() != expected) {
            throw new InvalidSubmissionException(String.format("The %s has %,d rows but %,d were expected.", what, rows(),
                    expected));
        }
        return this;
    }

    /** At least one row. */
    public Submission requireNonEmpty() {
        if (rows() == 0) {
            throw new InvalidSubmissionException("The " + what + " has a header but no rows.");
        }
        return this;
    }

    /** The same set of ids as the answers (duplicates aside), as MLE-bench's {@code set(...) == set(...)} checks. */
    public Submission requireSameIdSet(String[] answerIds, String idColumn) {
        // Compared as pandas compares them: numeric ids by value (1.0 is 1), text ids by text.
        String[][] keys = IdAlignment.comparableKeys(text(idColumn), answerIds, idColumn);
        Set<String> sub = new java.util.HashSet<>(List.of(keys[0]));
        java.util.Map<String, String> missing = new java.util.LinkedHashMap<>();
        for (int i = 0; i < answerIds.length; i++) {
            if (!sub.contains(keys[1][i])) {
                missing.putIfAbsent(keys[1][i], answerIds[i]);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidSubmissionException("The submission lacks " + missing.size() + " expected " + idColumn
                    + " value(s), e.g. '" + PandasValues.abbreviate(missing.values().iterator().next()) + "'.");
        }
        if (!new java.util.HashSet<>(List.of(keys[1])).containsAll(sub)) {
            throw new InvalidSubmissionException("The submission has " + idColumn + " values that are not expected ids.");
        }
        return this;
    }

    /** Values must lie in [0, 1]; NaN is skipped as pandas' min/max skip it. */
    public static void requireProbabilities(double[] values, String column) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v < 0 || v > 1) {
                throw new InvalidSubmissionException(String.format(
                        "Column '%s' must hold probabilities between 0 and 1, but row %,d holds %s.", column, i + 1,
                        PandasValues.pythonRepr(v)));
            }
        }
    }

    /**
     * Every row of the probability columns must sum to 1 within {@code np.isclose(sum, 1, atol=1e-6)}
     * (with NumPy's default rtol 1e-5, i.e. |sum − 1| ≤ 1.1e-5).
     */
    public static void requireRowsSumToOne(double[][] columns) {
        int n = columns.length == 0 ? 0 : columns[0].length;
        for (int r = 0; r < n; r++) {
            double sum = 0;
            for (double[] c : columns) {
                sum += c[r];
            }
            if (!(Math.abs(sum - 1) <= 1e-6 + 1e-5)) {
                throw new InvalidSubmissionException(String.format(
                        "The probabilities on row %,d sum to %s, not 1 (tolerance 1.1e-5).", r + 1,
                        PandasValues.pythonRepr(sum)));
            }
        }
    }

    /** {@code values} re-ordered so that element i is {@code values[order[i]]}. */
    public static double[] reorder(double[] values, int[] order) {
        double[] out = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    /** Text values re-ordered so that element i is {@code values[order[i]]}. */
    public static String[] reorderText(String[] values, int[] order) {
        String[] out = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    /**
     * {@code metric} over every column of {@code answers} after the first (the id), this submission's rows
     * taken in {@code order} (its row for answer row i is {@code order[i]}).
     */
    public double scoreTargets(Submission answers, int[] order, Metric metric) {
        List<String> targets = answers.columns().subList(1, answers.columns().size());
        List<String[]> truth = new ArrayList<>();
        List<String[]> predicted = new ArrayList<>();
        for (String t : targets) {
            truth.add(answers.text(t));
            predicted.add(reorderText(text(t), order));
        }
        return metric.score(new ColumnTable(targets, truth), new ColumnTable(targets, predicted));
    }

    private static String quoted(java.util.Collection<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names) {
            q.add("'" + PandasValues.abbreviate(n) + "'");
            if (q.size() == 8 && names.size() > 8) {
                q.add("… (" + names.size() + " in all)");
                break;
            }
        }
        return String.join(", ", q);
    }
}
