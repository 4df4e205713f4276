package io.sandmle.api;

/** How much work a {@link Benchmark} does: a rough number in minutes, or the full measurement. */
public enum BenchSize {
    /** Small sizes ({@code sandmle bench --quick}): a rough table in a few minutes. */
    QUICK,
    /** The sizes docs/PERFORMANCE.md reports. */
    FULL;

    /** {@code quick} at {@link #QUICK}, {@code full} at {@link #FULL}. */
    public <T> T pick(T quick, T full) {
        return this == QUICK ? quick : full;
    }
}
