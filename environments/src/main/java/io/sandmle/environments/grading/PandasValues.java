package io.sandmle.environments.grading;

import java.util.List;

import java.util.Set;

/**
 * pandas' reading rules for one text value: which tokens are missing (NA), which are numbers,
 * and how {@code astype(str)} prints a column. Shared by every grader so that a value is
 * interpreted the same way everywhere.
 */
public final class PandasValues {

    /** {@code pandas.read_csv}'s default {@code na_values}, plus the empty field. */
    private static final Set<String> NA_TOKENS = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN",
            "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");

    private PandasValues() {
    }

    /** True when pandas reads {@code s} as NaN. */
    public static boolean isNa(String s) {
        if (s.isEmpty()) {
            return true;
        }
        char c = s.charAt(0);
        // Every NA token starts with one of these; the cheap test spares a hash lookup for most values.
        boolean candidate = c == 'N' || c == 'n' || c == '#' || c == '-' || c == '1' || c == '<';
        return candidate && s.length() <= 8 && NA_TOKENS.contains(s);
    }

    /** True when pandas reads {@code s} as a number (NA tokens excluded). */
    public static boolean isNumber(String s) {
        return !Double.isNaN(parseOrNaN(s)) || isNanLiteral(s);
    }

    private static boolean isNanLiteral(String s) {
        if (s.length() > 6) {
            return false;
        }
        String t = s.strip();
        return t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("+nan") || t.equalsIgnoreCase("-nan");
    }

    /**
     * The number pandas' float parser reads from {@code s}, or NaN when {@code s} is NA or not a
     * number. Accepts surrounding spaces, a sign, decimals, exponents and {@code inf}/{@code infinity};
     * rejects what only Java accepts ({@code 1d}, {@code 0x1p3}).
     */
    public static double parseOrNaN(String s) {
        String t = s.strip();
        int n = t.length();
        if (n == 0) {
            return Double.NaN;
        }
        if (t.equals("True") || t.equals("TRUE") || t.equals("true")) {
            return 1.0; // pandas reads a True/False column as bool, which to_numeric turns into 1/0
        }
        if (t.equals("False") || t.equals("FALSE") || t.equals("false")) {
            return 0.0;
        }
        int i = t.charAt(0) == '+' || t.charAt(0) == '-' ? 1 : 0;
        if (i < n && (t.charAt(i) == 'i' || t.charAt(i) == 'I')) {
            String rest = t.substring(i);
            if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) {
                return t.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return Double.NaN;
        }
        int digits = 0;
        while (i < n && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return Double.NaN;
            }
        }
        return i == n ? Double.parseDouble(t) : Double.NaN;
    }

    /** True when every non-NA value is a number: pandas then types the column as numeric. */
    public static boolean isNumericColumn(String[] values) {
        for (String v : values) {
            if (!isNa(v) && !isNumber(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The column as float64 ({@code pd.to_numeric}): NA becomes NaN.
     *
     * @throws InvalidSubmissionException naming the first value that is not a number
     */
    public static double[] numeric(String[] values, String column) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            double d = parseOrNaN(v);
            if (Double.isNaN(d) && !isNa(v) && !isNanLiteral(v)) {
                throw new InvalidSubmissionException(String.format(
                        "Column '%s' must be numeric but row %d holds '%s'.", column, i + 1, abbreviate(v)));
            }
            out[i] = d;
        }
        return out;
    }

    /**
     * The column as {@code astype(str)} prints it after pandas typed it: NA is {@code "nan"}; an
     * all-integer column without NA prints canonical integers; another numeric column prints
     * Python float reprs; a text column is unchanged.
     */
    public static String[] asPandasStrings(String[] values) {
        boolean numeric = true;
        boolean integral = true;
        for (String v : values) {
            if (isNa(v)) {
                integral = false;
            } else if (isNumber(v) && !isBool(v)) {
                integral &= isInteger(v);
            } else {
                numeric = false;
                break;
            }
        }
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (isNa(v)) {
                out[i] = "nan";
            } else if (!numeric) {
                out[i] = v;
            } else if (integral) {
                out[i] = Long.toString(Long.parseLong(v.strip().replace("+", "")));
            } else {
                out[i] = pythonRepr(parseOrNaN(v));
            }
        }
        return out;
    }

    private static boolean isBool(String v) {
        String t = v.strip();
        return t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false");
    }

    private static boolean isInteger(String v) {
        String t = v.strip();
        int i = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        if (i == t.length() || t.length() - i > 18) {
            return false;
        }
        for (; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Python's {@code repr(float)}: shortest digits, exponent form below 1e-4 and from 1e16. */
    public static String pythonRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        java.math.BigDecimal exact = shortestDecimal(d).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = exact.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code d}, the nearest to {@code d}
     * among those: Python's repr digits. Java 17's {@code Double.toString} is not always shortest
     * ({@code 2e23} prints as {@code 1.9999999999999998E23}), so the digits are searched: for each length,
     * the nearest decimal of that length and its neighbours on either side (near a power of two the
     * rounding interval is lopsided, so the nearest need not read back while a neighbour does).
     */
    private static java.math.BigDecimal shortestDecimal(double d) {
        java.math.BigDecimal exact = new java.math.BigDecimal(d);
        for (int digits = 1; digits <= 17; digits++) {
            java.math.BigDecimal nearest = exact.round(new java.math.MathContext(digits,
                    java.math.RoundingMode.HALF_EVEN));
            java.math.BigDecimal unit = java.math.BigDecimal.ONE.scaleByPowerOfTen(
                    nearest.precision() - nearest.scale() - digits);
            java.math.BigDecimal best = null;
            for (java.math.BigDecimal candidate : List.of(nearest, nearest.subtract(unit), nearest.add(unit))) {
                if (candidate.doubleValue() == d && (best == null
                        || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return exact; // not reached: 17 significant digits always read back
    }

    /** A value shortened for an error sentence. */
    public static String abbreviate(String v) {
        return v.length() <= 40 ? v : v.substring(0, 37) + "...";
    }
}
