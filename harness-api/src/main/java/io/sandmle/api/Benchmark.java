package io.sandmle.api;

/**
 * A speed benchmark that {@code sandmle bench} runs: it measures one part of the harness, and where it can a
 * baseline in the same run, and returns typed rows that the command prints and writes (console, Markdown,
 * the summary of docs/PERFORMANCE.md). Declared apart from the runner that runs it, so a plugin adds one by
 * registering it as {@link ExtensionKind#BENCHMARK} under its {@link #name()}.
 *
 * <p>A benchmark prints its own detail (per-step tables, notes) to {@link BenchContext#out()}; what belongs
 * in the summary goes into the {@link BenchResult}.
 */
public interface Benchmark {

    /** The short name it is registered and selected by ({@code sandmle bench grading}). */
    String name();

    /** One line saying what is measured and against what ({@code sandmle bench --list}). */
    String description();

    /**
     * Measures at {@link BenchContext#size()}. Throws when it cannot measure (a tool missing, a step failing);
     * a missed target is a row whose target is not met, not an exception.
     */
    BenchResult run(BenchContext context) throws Exception;
}
