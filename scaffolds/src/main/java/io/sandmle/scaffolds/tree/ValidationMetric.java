package io.sandmle.scaffolds.tree;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the validation metric a solution printed. AIDE and aira-dojo ask the model for a function-call
 * review ({@code submit_review}); servers without function calling (and the embedded policy) cannot answer
 * one, so this scaffold reads the metric from the output instead, which is what the review is asked to do.
 *
 * <p>Rule: the last output line naming a metric ({@code validation}, {@code cv}, {@code score}, {@code auc},
 * {@code accuracy}, {@code rmse}, {@code loss} …) that also holds a number. On that line the number after the
 * last {@code :} or {@code =} is taken, else the line's last number. NaN and infinities count as no metric.
 */
final class ValidationMetric {

    private static final Pattern KEYWORD = Pattern.compile("(?i)\\b(validation|valid|val|cv|hold-?out|score|metric"
            + "|auc|roc|accuracy|acc|rmse|rmsle|mse|mae|log-?loss|loss|f1|qwk|kappa|r2|map)\\b");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    private ValidationMetric() {
    }

    /** The metric printed in {@code output}, or {@code null} when none is found. */
    static Double read(String output) {
        String[] lines = output.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i];
            if (!KEYWORD.matcher(line).find() || line.matches("(?i).*\\b(nan|inf)\\b.*")) {
                continue;
            }
            int sep = Math.max(line.lastIndexOf(':'), line.lastIndexOf('='));
            Double v = sep >= 0 ? firstNumber(line.substring(sep + 1)) : null;
            if (v == null) {
                v = lastNumber(line);
            }
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Double firstNumber(String s) {
        Matcher m = NUMBER.matcher(s);
        return m.find() ? Double.valueOf(m.group()) : null;
    }

    private static Double lastNumber(String s) {
        Matcher m = NUMBER.matcher(s);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return last == null ? null : Double.valueOf(last);
    }
}
