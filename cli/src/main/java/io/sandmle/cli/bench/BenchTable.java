package io.sandmle.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows every {@code sandmle bench} sub-command contributes to the one summary table that
 * {@code sandmle bench} (all) prints and writes into docs/PERFORMANCE.md. A bench records a row per
 * measurement it has a baseline (or a target) for; its own detailed output stays as it is.
 */
public final class BenchTable {

    /**
     * One measurement.
     *
     * @param benchmark      what was measured
     * @param median         the harness's median
     * @param baselineMedian the baseline's median in the same run and unit, or NaN when there is none
     * @param unit           the unit of both medians ({@code ms}, {@code s})
     * @param target         the target in words, or {@code "-"}
     * @param met            whether the target was met, or {@code null} when there is no target
     */
    public record Row(String benchmark, double median, double baselineMedian, String unit, String target, Boolean met) {

        /** Baseline over harness: above 1 the harness is that many times faster. */
        public double ratio() {
            return baselineMedian / median;
        }

        String verdict() {
            return met == null ? "-" : met ? "pass" : "FAIL";
        }
    }

    private static final List<Row> ROWS = new ArrayList<>();

    private BenchTable() {
    }

    /** Adds a row (benches call this after measuring). */
    public static synchronized void record(Row row) {
        ROWS.add(row);
    }

    /** The rows recorded since the last {@link #drain()}, which forgets them. */
    public static synchronized List<Row> drain() {
        List<Row> rows = List.copyOf(ROWS);
        ROWS.clear();
        return rows;
    }

    /** The rows as a Markdown table (also readable as plain text). */
    public static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder("| benchmark | median | baseline median | ratio | target | result |\n"
                + "|---|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            boolean hasBaseline = !Double.isNaN(r.baselineMedian());
            b.append(String.format(Locale.ROOT, "| %s | %s %s | %s | %s | %s | %s |%n", r.benchmark(),
                    number(r.median()), r.unit(), hasBaseline ? number(r.baselineMedian()) + " " + r.unit() : "-",
                    hasBaseline ? String.format(Locale.ROOT, "%.2fx", r.ratio()) : "-", r.target(), r.verdict()));
        }
        return b.toString();
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
