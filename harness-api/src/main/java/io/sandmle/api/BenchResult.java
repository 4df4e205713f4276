package io.sandmle.api;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a {@link Benchmark} measured: one row per number worth a line in the summary.
 *
 * @param rows in the order they are shown
 */
public record BenchResult(List<Row> rows) {

    public BenchResult {
        rows = List.copyOf(rows);
    }

    /** True unless some row's target was missed. */
    public boolean targetsMet() {
        return rows.stream().allMatch(r -> r.target().map(Target::met).orElse(true));
    }

    /**
     * What a number is counted in. Only times have baselines: "baseline / value" then reads as "times faster
     * than the baseline", which a share or a rate would not.
     *
     * @param symbol printed after the number ({@code ms}, {@code %})
     * @param time   whether it is a duration (lower is better)
     */
    public record Unit(String symbol, boolean time) {
        public static final Unit MICROSECONDS = new Unit("µs", true);
        public static final Unit MILLISECONDS = new Unit("ms", true);
        public static final Unit SECONDS = new Unit("s", true);
        public static final Unit PERCENT = new Unit("%", false);

        /** A quantity that is not a duration, such as {@code ep/min}. */
        public static Unit of(String symbol) {
            return new Unit(symbol, false);
        }
    }

    /**
     * A goal the value is held to.
     *
     * @param text the goal in words ({@code <= 1500 ms, >= 3x})
     * @param met  whether this run reached it
     */
    public record Target(String text, boolean met) {
    }

    /**
     * One measured number.
     *
     * @param metric   what was measured, without the benchmark's name
     * @param value    the harness's number (a median unless the metric says otherwise)
     * @param unit     the unit of the value and of the baseline
     * @param baseline the same quantity for the baseline, measured in the same run, when there is one
     * @param target   the goal, when there is one
     */
    public record Row(String metric, double value, Unit unit, OptionalDouble baseline, Optional<Target> target) {

        public Row {
            if (metric == null || metric.isBlank() || !Double.isFinite(value)) {
                throw new IllegalArgumentException("a benchmark row needs a metric and a finite value: " + metric
                        + " = " + value);
            }
            if (baseline.isPresent() && !unit.time()) {
                throw new IllegalArgumentException("only a time has a baseline to be faster than; '" + metric
                        + "' is in " + unit.symbol());
            }
        }

        /** A row with neither baseline nor target. */
        public static Row of(String metric, double value, Unit unit) {
            return new Row(metric, value, unit, OptionalDouble.empty(), Optional.empty());
        }

        /** This row with the baseline's number, measured in the same run and unit. */
        public Row withBaseline(double baselineValue) {
            return new Row(metric, value, unit, OptionalDouble.of(baselineValue), target);
        }

        /** This row held to a goal. */
        public Row withTarget(String text, boolean met) {
            return new Row(metric, value, unit, baseline, Optional.of(new Target(text, met)));
        }

        /** Baseline over value: above 1 the harness is that many times faster than the baseline. */
        public OptionalDouble speedUp() {
            return baseline.isPresent() ? OptionalDouble.of(baseline.getAsDouble() / value) : OptionalDouble.empty();
        }
    }
}
