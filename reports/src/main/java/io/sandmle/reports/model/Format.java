package io.sandmle.reports.model;

import io.sandmle.reports.stats.Estimate;
import java.util.Locale;

/** Number formatting shared by every section, so the same quantity reads the same everywhere. */
public final class Format {

    private Format() {
    }

    /** {@code value} with {@code decimals} places, or "n/a" for NaN. */
    public static String num(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** "0.512 [0.480, 0.545]", or just the point when no interval exists. */
    public static String withInterval(Estimate e, int decimals) {
        if (!e.hasInterval()) {
            return num(e.point(), decimals);
        }
        return num(e.point(), decimals) + " [" + num(e.low(), decimals) + ", " + num(e.high(), decimals) + "]";
    }

    /** A p-value: 4 significant places, "<0.0001" below that. */
    public static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** Estimate cell sorted by its point. */
    public static Cell cell(Estimate e, int decimals) {
        return Cell.number(withInterval(e, decimals), e.point());
    }

    /** Number cell. */
    public static Cell cell(double v, int decimals) {
        return Cell.number(num(v, decimals), v);
    }
}
