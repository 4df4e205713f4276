package io.sandmle.environments.grading;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Aligns submission rows to answer rows the way MLE-bench does it: sort both by the id column and
 * require the sorted ids to be equal. With unique ids that is a hash join (linear time); with
 * repeated ids both sides are sorted (stably) and paired by position. Numeric id columns compare
 * numerically ({@code 1} equals {@code 1.0}), as pandas does.
 */
public final class IdAlignment {

    private IdAlignment() {
    }

    /**
     * For each answer row {@code i}, the submission row holding the same id.
     *
     * @throws InvalidSubmissionException when the two id multisets differ
     */
    public static int[] align(String[] submissionIds, String[] answerIds, String idColumn) {
        if (submissionIds.length != answerIds.length) {
            throw new InvalidSubmissionException(String.format("The submission has %,d rows but %,d were expected.",
                    submissionIds.length, answerIds.length));
        }
        String[][] keys = comparableKeys(submissionIds, answerIds, idColumn);
        String[] sub = keys[0];
        String[] ans = keys[1];
        if (Arrays.equals(sub, ans)) {
            // The usual case: rows in the sample submission's order. Equal sequences sort equal.
            int[] identity = new int[ans.length];
            Arrays.setAll(identity, i -> i);
            return identity;
        }
        StringIndex answerRow = new StringIndex(ans.length);
        for (int i = 0; i < ans.length; i++) {
            if (!answerRow.add(ans[i], i)) {
                return alignBySorting(sub, ans, idColumn);
            }
        }
        int[] order = new int[ans.length];
        Arrays.fill(order, -1);
        for (int r = 0; r < sub.length; r++) {
            int i = answerRow.get(sub[r]);
            if (i < 0) {
                throw new InvalidSubmissionException(String.format(
                        "The submission's %s '%s' (row %,d) is not one of the expected ids.", idColumn,
                        PandasValues.abbreviate(submissionIds[r]), r + 1));
            }
            if (order[i] >= 0) {
                throw new InvalidSubmissionException(String.format(
                        "The submission's %s '%s' appears more than once (rows %,d and %,d).", idColumn,
                        PandasValues.abbreviate(submissionIds[r]), order[i] + 1, r + 1));
            }
            order[i] = r;
        }
        return order;
    }

    /** Pairs the i-th smallest submission id with the i-th smallest answer id, after checking they are equal. */
    private static int[] alignBySorting(String[] sub, String[] ans, String idColumn) {
        Integer[] subOrder = sortedOrder(sub);
        Integer[] ansOrder = sortedOrder(ans);
        int[] order = new int[ans.length];
        for (int i = 0; i < ans.length; i++) {
            if (!sub[subOrder[i]].equals(ans[ansOrder[i]])) {
                throw new InvalidSubmissionException(String.format(
                        "The submission's %s values differ from the expected ids (e.g. '%s').", idColumn,
                        PandasValues.abbreviate(sub[subOrder[i]])));
            }
            order[ansOrder[i]] = subOrder[i];
        }
        return order;
    }

    private static Integer[] sortedOrder(String[] keys) {
        Integer[] idx = new Integer[keys.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparing(i -> keys[i]));
        return idx;
    }

    /**
     * Row order after sorting a key column as pandas {@code sort_values} would (numbers numerically,
     * text by code point), used where MLE-bench sorts without checking ids.
     */
    public static int[] sortOrder(String[] keys) {
        Integer[] idx = new Integer[keys.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        if (PandasValues.isNumericColumn(keys)) {
            double[] v = PandasValues.numeric(keys, "key");
            Arrays.sort(idx, Comparator.comparingDouble(i -> Double.isNaN(v[i]) ? Double.POSITIVE_INFINITY : v[i]));
        } else {
            Arrays.sort(idx, Comparator.comparing(i -> keys[i]));
        }
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The two id columns as keys that are equal exactly when pandas finds the ids equal: numeric columns by
     * value (so {@code 1} and {@code 1.0} match), text columns as written; a numeric column against a text
     * one, or an empty submission id, is refused.
     */
    static String[][] comparableKeys(String[] sub, String[] ans, String idColumn) {
        if (canonicalIntegers(sub) && canonicalIntegers(ans)) {
            return new String[][] {sub, ans}; // equal text ⇔ equal number, no conversion needed
        }
        boolean subNumeric = PandasValues.isNumericColumn(sub);
        boolean ansNumeric = PandasValues.isNumericColumn(ans);
        if (subNumeric && ansNumeric) {
            return new String[][] {numericKeys(sub, idColumn), numericKeys(ans, idColumn)};
        }
        if (subNumeric != ansNumeric) {
            throw new InvalidSubmissionException("The submission's " + idColumn + " values are "
                    + (subNumeric ? "numbers but the expected ids are text." : "text but the expected ids are numbers."));
        }
        for (int r = 0; r < sub.length; r++) {
            if (PandasValues.isNa(sub[r])) {
                throw new InvalidSubmissionException(String.format("The submission's %s on row %,d is empty.",
                        idColumn, r + 1));
            }
        }
        return new String[][] {sub, ans};
    }

    /** Digits only, no leading zero, short enough to be exact as a double: text equality is numeric equality. */
    private static boolean canonicalIntegers(String[] ids) {
        for (String id : ids) {
            int n = id.length();
            if (n == 0 || n > 15 || (id.charAt(0) == '0' && n > 1)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                char c = id.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
        }
        return true;
    }

    private static String[] numericKeys(String[] ids, String idColumn) {
        double[] v = PandasValues.numeric(ids, idColumn);
        String[] keys = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                throw new InvalidSubmissionException(String.format("The %s on row %,d is empty.", idColumn, i + 1));
            }
            keys[i] = Double.toString(v[i] + 0.0);
        }
        return keys;
    }
}
