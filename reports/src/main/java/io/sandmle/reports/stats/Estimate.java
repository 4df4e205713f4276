package io.sandmle.reports.stats;

/**
 * A point estimate with a two-sided interval. {@code low}/{@code high} are NaN when no interval
 * could be computed (the report then says why).
 */
public record Estimate(double point, double low, double high) {

    /** A point without an interval. */
    public static Estimate pointOnly(double point) {
        return new Estimate(point, Double.NaN, Double.NaN);
    }

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** This estimate times {@code factor} (e.g. a rate as a percentage). */
    public Estimate scaled(double factor) {
        return new Estimate(point * factor, low * factor, high * factor);
    }

    /** True when the interval lies entirely above {@code value}. */
    public boolean above(double value) {
        return hasInterval() && low > value;
    }

    /** True when the interval lies entirely below {@code value}. */
    public boolean below(double value) {
        return hasInterval() && high < value;
    }
}
