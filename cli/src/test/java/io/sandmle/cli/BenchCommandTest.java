package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sandmle bench}: lists the registered benchmarks, runs a cheap real one end to end at quick size
 * (console table, Markdown file), runs a plugin's benchmarks beside the harness's, and a missed target or a
 * benchmark that throws fails the run without costing the other rows.
 */
class BenchCommandTest {

    private static final String TABLE_HEADER = "| benchmark | metric | value | baseline | ratio | target | result |\n"
            + "|---|---|---:|---:|---:|---|---|\n";

    /** A plugin with two benchmarks: one that misses its target, one that cannot run. */
    private static final String PLUGIN = """
            package fake;
            import io.sandmle.api.*;
            public final class FakeBenchPlugin implements HarnessPlugin {
                public void register(ExtensionRegistry registry) {
                    registry.add(ExtensionKind.BENCHMARK, "slow-fake", SlowFake.class);
                    registry.add(ExtensionKind.BENCHMARK, "broken-fake", BrokenFake.class);
                }
            }
            """;
    private static final String SLOW = """
            package fake;
            import io.sandmle.api.*;
            public final class SlowFake implements Benchmark {
                public String name() { return "slow-fake"; }
                public String description() { return "A plugin's benchmark that misses its target."; }
                public BenchResult run(BenchContext context) {
                    context.out().println("slow-fake ran at " + context.size());
                    return new BenchResult(java.util.List.of(
                            BenchResult.Row.of("step", 900, BenchResult.Unit.MILLISECONDS).withBaseline(1000)
                                    .withTarget(">= 3x", false),
                            BenchResult.Row.of("tiny step", 0.0042, BenchResult.Unit.MILLISECONDS)));
                }
            }
            """;
    private static final String BROKEN = """
            package fake;
            import io.sandmle.api.*;
            public final class BrokenFake implements Benchmark {
                public String name() { return "broken-fake"; }
                public String description() { return "A plugin's benchmark that cannot run here."; }
                public BenchResult run(BenchContext context) {
                    throw new IllegalStateException("python3-nothing is not installed");
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void listsEveryBenchmarkWithWhatItMeasures() {
        Captured run = run("bench", "--list");

        assertEquals(SandmleCommand.OK, run.exitCode(), run.err());
        for (String name : List.of("generation", "grading", "grpo", "report", "rollout", "shards", "steps")) {
            assertTrue(Pattern.compile("(?m)^" + name + " +\\S.+$").matcher(run.out()).find(), run.out());
        }
    }

    @Test
    void quickReportBenchmarkPrintsTheTableAndWritesMarkdown() throws Exception {
        Path markdown = dir.resolve("bench.md");
        Path doc = dir.resolve("PERFORMANCE.md");
        Files.writeString(doc, "# Performance\n\nUntouched by a partial run.\n");

        Captured run = run("bench", "--quick", "report", "--markdown", markdown.toString(), "--doc", doc.toString());

        assertEquals(SandmleCommand.OK, run.exitCode(), run.out() + run.err());
        String cpuRow = "report +3,000 episodes to a full report, 1,000 replicates, CPU over all threads +[0-9.]+ s +"
                + "[0-9.,]+ s +[0-9.,]+x +<= 10 s +pass";
        assertTrue(Pattern.compile("(?m)^benchmark +metric +value +baseline +ratio +target +result$")
                .matcher(run.out()).find(), run.out());
        assertTrue(Pattern.compile("(?m)^" + cpuRow + "$").matcher(run.out()).find(), run.out());
        assertTrue(Pattern.compile("(?m)^report +3,000 episodes to a full report, 1,000 replicates, wall +[0-9.]+ s"
                + " +- +- +- +-$").matcher(run.out()).find(), run.out());

        String md = Files.readString(markdown);
        assertTrue(md.startsWith(TABLE_HEADER), md);
        assertTrue(Pattern.compile("(?m)^\\| report \\| 3,000 episodes to a full report, 1,000 replicates, CPU over all"
                + " threads \\| [0-9.]+ s \\| [0-9.,]+ s \\| [0-9.,]+x \\| <= 10 s \\| pass \\|$").matcher(md).find(), md);
        assertEquals(2, md.lines().filter(l -> l.startsWith("| report |")).count(), md);
        assertEquals("# Performance\n\nUntouched by a partial run.\n", Files.readString(doc),
                "the summary covers every benchmark, so a run of some leaves it alone");
    }

    @Test
    void aPluginBenchmarkRunsBesideTheOthersAndAMissedTargetOrAFailureFailsTheRun() throws Exception {
        Path sources = dir.resolve("fake-plugin/src/main");
        Files.createDirectories(sources.resolve("java/fake"));
        Files.createDirectories(sources.resolve("resources/META-INF/services"));
        Files.writeString(sources.resolve("java/fake/FakeBenchPlugin.java"), PLUGIN);
        Files.writeString(sources.resolve("java/fake/SlowFake.java"), SLOW);
        Files.writeString(sources.resolve("java/fake/BrokenFake.java"), BROKEN);
        Files.writeString(sources.resolve("resources/META-INF/services/io.sandmle.api.HarnessPlugin"),
                "fake.FakeBenchPlugin\n");
        Path jar = PluginJars.build(sources, Files.createDirectories(dir.resolve("plugins")).resolve("fake.jar"));
        Path markdown = dir.resolve("bench.md");

        Captured run = run("bench", "--quick", "--plugin-path", jar.toString(), "broken-fake", "slow-fake",
                "--markdown", markdown.toString());

        assertEquals(SandmleCommand.FAILED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("slow-fake ran at QUICK"), run.out());
        assertTrue(run.err().contains("sandmle: bench broken-fake did not finish: python3-nothing is not installed"),
                run.err());
        assertTrue(run.out().contains("Benchmarks that did not finish: broken-fake"), run.out());
        assertEquals(TABLE_HEADER
                + "| slow-fake | step | 900 ms | 1,000 ms | 1.11x | >= 3x | FAIL |\n"
                + "| slow-fake | tiny step | 0.0042 ms | - | - | - | - |\n", Files.readString(markdown));
        assertTrue(run("bench", "--list", "--plugin-path", jar.toString()).out()
                .contains("slow-fake    A plugin's benchmark that misses its target."));
    }

    @Test
    void anUnknownNameIsBadInputNamingTheKnownOnes() {
        Captured run = run("bench", "--quick", "no-such-bench");

        assertEquals(SandmleCommand.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("No benchmark named 'no-such-bench'; known: env-server, generation, grading, grpo"),
                run.err());
    }

    /** What a run printed on System.out (benchmarks' detail and the table) and on the command's stderr. */
    private record Captured(int exitCode, String out, String err) {
    }

    private static Captured run(String... args) {
        PrintStream old = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CliRun cli = CliRun.of(args);
            return new Captured(cli.exitCode(), cli.out() + out.toString(StandardCharsets.UTF_8),
                    cli.err() + err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
    }
}
