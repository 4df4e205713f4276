package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.cli.bench.BenchTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench all}: runs every sibling bench (with --quick sizes), one table, the document's summary. */
class BenchAllCommandTest {

    @TempDir
    Path dir;

    /** A bench that records what a real one would, and remembers the arguments it got. */
    @Command(name = "grading")
    static final class FakeBench implements Callable<Integer> {
        static final List<String> CALLS = new ArrayList<>();

        @Option(names = "--rows", defaultValue = "993465")
        int rows;

        @Option(names = "--auc-rows")
        int aucRows;

        @Option(names = "--repeats")
        int repeats;

        @Override
        public Integer call() {
            CALLS.add("rows=" + rows);
            BenchTable.record(new BenchTable.Row("grading fast", 250, 1000, "ms", "<= 1500 ms, >= 3x", true));
            BenchTable.record(new BenchTable.Row("grading slow", 900, 1000, "ms", ">= 3x", false));
            return SandmleCommand.OK;
        }
    }

    @Command(name = "bench", subcommands = {BenchAllCommand.class, FakeBench.class})
    static final class Parent {
    }

    @Test
    void runsEveryBenchPrintsOneTableAndRewritesOnlyTheSummary() throws Exception {
        Path doc = dir.resolve("PERFORMANCE.md");
        Files.writeString(doc, "# Performance\n\n## Grading\n\nThe grading section stays.\n");
        String out = run("all", "--quick", "--doc", doc.toString());

        assertEquals(List.of("rows=100000"), FakeBench.CALLS, "--quick passes the bench its small sizes");
        assertTrue(out.contains("| grading fast | 250 ms | 1,000 ms | 4.00x | <= 1500 ms, >= 3x | pass |"), out);
        assertTrue(out.contains("| grading slow | 900 ms | 1,000 ms | 1.11x | >= 3x | FAIL |"), out);
        String written = Files.readString(doc);
        assertTrue(written.startsWith("# Performance\n\n" + BenchAllCommand.SUMMARY_START), written);
        assertTrue(written.contains("## Grading\n\nThe grading section stays.\n"), written);

        run("all", "--doc", doc.toString());
        String again = Files.readString(doc);
        assertEquals(again.indexOf(BenchAllCommand.SUMMARY_START), again.lastIndexOf(BenchAllCommand.SUMMARY_START),
                "the summary is replaced, not added again: " + again);
        assertTrue(again.contains("## Grading\n\nThe grading section stays.\n"), again);
        assertEquals(List.of("rows=100000", "rows=993465"), FakeBench.CALLS, "without --quick the defaults");
    }

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new Parent()).execute(args);
            assertEquals(SandmleCommand.FAILED, code, "a missed target fails the run");
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
