package io.sandmle.environments.metrics;

import io.sandmle.environments.grading.PandasValues;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Two label columns encoded as indices into their sorted union, with scikit-learn's target-type
 * rules: numbers compare numerically ({@code 1} equals {@code 1.0}), non-integral numbers are
 * "continuous" and rejected, text compares as text, and numbers mixed with text are rejected.
 *
 * @param truth     label index of each true value
 * @param predicted label index of each predicted value
 * @param classes   the number of distinct labels in both columns
 */
public record Labels(int[] truth, int[] predicted, int classes) {

    /** Encodes two label columns as pandas typed them. */
    public static Labels encode(String[] truth, String[] predicted) {
        Inputs.sameLength(truth.length, predicted.length);
        boolean numericTruth = PandasValues.isNumericColumn(truth);
        boolean numericPred = PandasValues.isNumericColumn(predicted);
        if (numericTruth && numericPred) {
            return encodeNumbers(PandasValues.numeric(truth, "y_true"), PandasValues.numeric(predicted, "y_pred"));
        }
        if (numericTruth != numericPred) {
            throw new IllegalArgumentException("Labels in y_true and y_pred should be of the same type: one column"
                    + " holds numbers and the other text.");
        }
        return encodeText(truth, predicted);
    }

    /**
     * Encodes two label columns for an element-wise comparison (accuracy), which scikit-learn makes without
     * building one sorted label set: numbers mixed with text are allowed, and no number equals a text, unless
     * both columns are binary, where scikit-learn's target check sorts the mixed union and fails.
     */
    public static Labels encodeForComparison(String[] truth, String[] predicted) {
        boolean numericTruth = PandasValues.isNumericColumn(truth);
        boolean numericPred = PandasValues.isNumericColumn(predicted);
        if (numericTruth == numericPred) {
            return encode(truth, predicted);
        }
        Inputs.sameLength(truth.length, predicted.length);
        String[] t = typed(truth, numericTruth, "y_true");
        String[] p = typed(predicted, numericPred, "y_pred");
        if (new TreeSet<>(Arrays.asList(t)).size() <= 2 && new TreeSet<>(Arrays.asList(p)).size() <= 2) {
            throw new IllegalArgumentException("Labels in y_true and y_pred should be of the same type: one binary"
                    + " column holds numbers and the other text.");
        }
        return encodeText(t, p);
    }

    /** Labels as text that keeps numbers and texts apart: a number by its value, a text as written. */
    private static String[] typed(String[] values, boolean numeric, String what) {
        String[] out = new String[values.length];
        if (numeric) {
            double[] v = PandasValues.numeric(values, what);
            checkDiscrete(v, what);
            for (int i = 0; i < v.length; i++) {
                out[i] = "number " + (v[i] + 0.0);
            }
        } else {
            for (int i = 0; i < values.length; i++) {
                out[i] = "text " + values[i];
            }
        }
        return out;
    }

    /** Encodes numeric labels; NaN and non-integral values are rejected as scikit-learn does. */
    public static Labels encodeNumbers(double[] truth, double[] predicted) {
        Inputs.sameLength(truth.length, predicted.length);
        checkDiscrete(truth, "y_true");
        checkDiscrete(predicted, "y_pred");
        double[] union = new double[truth.length + predicted.length];
        System.arraycopy(truth, 0, union, 0, truth.length);
        System.arraycopy(predicted, 0, union, truth.length, predicted.length);
        Arrays.sort(union);
        int distinct = 0;
        for (int i = 0; i < union.length; i++) {
            if (i == 0 || union[i] != union[distinct - 1]) {
                union[distinct++] = union[i];
            }
        }
        double[] classes = Arrays.copyOf(union, distinct);
        return new Labels(indexOf(classes, truth), indexOf(classes, predicted), distinct);
    }

    private static int[] indexOf(double[] classes, double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Arrays.binarySearch(classes, values[i] + 0.0);
        }
        return out;
    }

    private static void checkDiscrete(double[] values, String what) {
        Inputs.finite(values, what);
        for (double v : values) {
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("Classification metrics can't handle continuous values: "
                        + what + " holds " + v + ".");
            }
        }
    }

    private static Labels encodeText(String[] truth, String[] predicted) {
        TreeSet<String> sorted = new TreeSet<>(Arrays.asList(truth));
        sorted.addAll(Arrays.asList(predicted));
        Map<String, Integer> index = new HashMap<>();
        for (String s : sorted) {
            index.put(s, index.size());
        }
        int[] t = new int[truth.length];
        int[] p = new int[predicted.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = index.get(truth[i]);
            p[i] = index.get(predicted[i]);
        }
        return new Labels(t, p, index.size());
    }

    /** The confusion matrix, rows = true label, columns = predicted label. */
    public long[][] confusion() {
        long[][] c = new long[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            c[truth[i]][predicted[i]]++;
        }
        return c;
    }
}
