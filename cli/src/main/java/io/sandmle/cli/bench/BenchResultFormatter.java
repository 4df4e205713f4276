package io.sandmle.cli.bench;

import io.sandmle.api.BenchResult;
import io.sandmle.api.BenchResult.Row;
import io.sandmle.api.BenchResult.Target;
import io.sandmle.api.Benchmark;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes benchmark results three ways from the same cells: an aligned console table, a Markdown table, and the
 * summary block docs/PERFORMANCE.md carries (the Markdown table with when, where and how it was measured).
 */
public final class BenchResultFormatter {

    private static final List<String> HEADER = List.of("benchmark", "metric", "value", "baseline", "ratio", "target",
            "result");
    /** Which columns hold numbers, right-aligned. */
    private static final List<Boolean> NUMERIC = List.of(false, false, true, true, true, false, false);

    /**
     * Under what a run was measured, for the summary's first sentence.
     *
     * @param command     the command line that produced it ({@code ./sandmle bench --quick})
     * @param at          when it finished
     * @param cores       processors the JVM saw
     * @param loadAverage the system load average over the last minute
     */
    public record Conditions(String command, ZonedDateTime at, int cores, double loadAverage) {
    }

    private BenchResultFormatter() {
    }

    /** Columns padded to their widest cell, numbers right-aligned. */
    public static String console(Map<String, BenchResult> results) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(cells(results));
        int[] width = new int[HEADER.size()];
        for (List<String> line : lines) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], line.get(c).length());
            }
        }
        int last = width.length - 1;
        StringBuilder b = new StringBuilder();
        for (List<String> line : lines) {
            for (int c = 0; c < last; c++) {
                String pad = " ".repeat(width[c] - line.get(c).length());
                b.append(NUMERIC.get(c) ? pad + line.get(c) : line.get(c) + pad).append("  ");
            }
            b.append(line.get(last)).append('\n');
        }
        return b.toString();
    }

    /** A GitHub-flavoured Markdown table. */
    public static String markdown(Map<String, BenchResult> results) {
        StringBuilder b = new StringBuilder(markdownLine(HEADER));
        b.append("|").append(String.join("|", NUMERIC.stream().map(numeric -> numeric ? "---:" : "---").toList()))
                .append("|\n");
        cells(results).forEach(line -> b.append(markdownLine(line)));
        return b.toString();
    }

    /** The docs block: heading, how it was measured, the Markdown table, what each benchmark measures. */
    public static String docsBlock(Map<String, BenchResult> results, List<Benchmark> benchmarks,
                                   Conditions conditions) {
        StringBuilder b = new StringBuilder("## Summary (all benchmarks)\n\n");
        b.append(String.format(Locale.ROOT, "Latest `%s` at %s on %d cores (load average %.1f). Value: the harness's "
                        + "median unless the metric says otherwise; baseline: the same quantity for the baseline, measured in the same run; ratio = "
                        + "baseline / value (above 1: faster than the baseline). Each area's section below says how it "
                        + "is measured.%n%n", conditions.command(),
                conditions.at().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")), conditions.cores(),
                conditions.loadAverage()));
        b.append(markdown(results)).append('\n');
        benchmarks.forEach(bench -> b.append("- `").append(bench.name()).append("`: ").append(bench.description())
                .append('\n'));
        return b.toString();
    }

    private static String markdownLine(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static List<List<String>> cells(Map<String, BenchResult> results) {
        List<List<String>> lines = new ArrayList<>();
        results.forEach((benchmark, result) -> result.rows().forEach(row -> lines.add(cells(benchmark, row))));
        return lines;
    }

    private static List<String> cells(String benchmark, Row row) {
        String unit = " " + row.unit().symbol();
        return List.of(benchmark, row.metric(), number(row.value()) + unit,
                row.baseline().isPresent() ? number(row.baseline().getAsDouble()) + unit : "-",
                row.speedUp().isPresent() ? number(row.speedUp().getAsDouble()) + "x" : "-",
                row.target().map(Target::text).orElse("-"),
                row.target().map(t -> t.met() ? "pass" : "FAIL").orElse("-"));
    }

    /** Three significant digits, so a small number is never printed as 0; whole numbers with separators from 100. */
    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 100 || !Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
