package io.sandmle.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.BenchContext;
import io.sandmle.api.BenchResult;
import io.sandmle.api.BenchResult.Row;
import io.sandmle.api.BenchResult.Unit;
import io.sandmle.api.Benchmark;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one formatter: console, Markdown and the docs block from the same cells; the docs block's splice. */
class BenchResultFormatterTest {

    private static final Map<String, BenchResult> RESULTS = results();

    private static Map<String, BenchResult> results() {
        Map<String, BenchResult> results = new LinkedHashMap<>();
        results.put("grading", new BenchResult(List.of(
                Row.of("text, wall", 250, Unit.MILLISECONDS).withBaseline(1000).withTarget("<= 1500 ms, >= 3x", true))));
        results.put("rollout", new BenchResult(List.of(
                Row.of("harness time per turn", 41.27, Unit.MICROSECONDS).withTarget("<= 20 ms", true),
                Row.of("episodes per minute", 101.4, Unit.of("ep/min")))));
        results.put("grpo", new BenchResult(List.of(
                Row.of("update share of a training step", 0.552, Unit.PERCENT).withTarget("< 5 %", false))));
        return results;
    }

    @Test
    void numbersKeepThreeSignificantDigitsSoNothingRoundsToZero() {
        assertEquals("0.00412", BenchResultFormatter.number(0.0041234));
        assertEquals("17.7", BenchResultFormatter.number(17.73));
        assertEquals("0.55", BenchResultFormatter.number(0.55));
        assertEquals("2", BenchResultFormatter.number(2.0));
        assertEquals("1,024", BenchResultFormatter.number(1024.4));
        assertEquals("0", BenchResultFormatter.number(0));
    }

    @Test
    void markdownHasARatioOnlyWhereABaselineWasMeasured() {
        assertEquals("""
                | benchmark | metric | value | baseline | ratio | target | result |
                |---|---|---:|---:|---:|---|---|
                | grading | text, wall | 250 ms | 1,000 ms | 4x | <= 1500 ms, >= 3x | pass |
                | rollout | harness time per turn | 41.3 µs | - | - | <= 20 ms | pass |
                | rollout | episodes per minute | 101 ep/min | - | - | - | - |
                | grpo | update share of a training step | 0.552 % | - | - | < 5 % | FAIL |
                """, BenchResultFormatter.markdown(RESULTS));
    }

    @Test
    void consoleAlignsColumnsAndRightAlignsNumbers() {
        List<String> lines = BenchResultFormatter.console(RESULTS).lines().toList();
        String header = lines.get(0);

        assertEquals(5, lines.size());
        assertTrue(header.matches("benchmark +metric +value +baseline +ratio +target +result"), header);
        int valueEnd = header.indexOf("value") + "value".length();
        int ratioEnd = header.indexOf("ratio") + "ratio".length();
        int targetStart = header.indexOf("target");
        assertEquals(valueEnd, lines.get(1).indexOf("250 ms") + "250 ms".length(), lines.get(1));
        assertEquals(valueEnd, lines.get(2).indexOf("41.3 µs") + "41.3 µs".length(), lines.get(2));
        assertEquals(ratioEnd, lines.get(1).indexOf("4x") + "4x".length(), lines.get(1));
        assertEquals(targetStart, lines.get(1).indexOf("<= 1500 ms, >= 3x"), lines.get(1));
        assertTrue(lines.get(4).startsWith("grpo       update share of a training step"), lines.get(4));
        assertTrue(lines.get(4).endsWith("< 5 %              FAIL"), lines.get(4));
    }

    @Test
    void docsBlockSaysWhereAndHowAndWhatEachBenchmarkMeasures() {
        var conditions = new BenchResultFormatter.Conditions("./sandmle bench --quick",
                ZonedDateTime.of(2026, 11, 22, 0, 11, 0, 0, ZoneOffset.UTC), 2, 1.93);

        String block = BenchResultFormatter.docsBlock(RESULTS, List.of(named("grading", "Grading, timed.")),
                conditions);

        assertTrue(block.startsWith("## Summary (all benchmarks)\n\nLatest `./sandmle bench --quick` at 2026-11-22 "
                + "00:11 UTC on 2 cores (load average 1.9)."), block);
        assertTrue(block.contains(BenchResultFormatter.markdown(RESULTS) + "\n- `grading`: Grading, timed.\n"), block);
    }

    @Test
    void theSummaryIsInsertedAfterTheTitleThenReplacedLeavingTheSectionsAlone() {
        String doc = "# Performance\n\n## Grading\n\nThe grading section stays.\n";

        String first = PerformanceDoc.withSummary(doc, "first table\n");
        String second = PerformanceDoc.withSummary(first, "second table\n");

        assertEquals("# Performance\n\n" + PerformanceDoc.START + "\nfirst table\n" + PerformanceDoc.END
                + "\n\n## Grading\n\nThe grading section stays.\n", first);
        assertEquals(first.replace("first table", "second table"), second);
    }

    private static Benchmark named(String name, String description) {
        return new Benchmark() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public BenchResult run(BenchContext context) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
