package io.sandmle.cli;

import io.sandmle.cli.bench.BenchTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sandmle bench} / {@code sandmle bench all}: runs every bench sub-command registered on
 * {@link BenchCommand}, one after the other, then prints one table of what they recorded in
 * {@link BenchTable} and writes it as the summary of docs/PERFORMANCE.md (each area's own section below
 * the summary is left as it is).
 */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = "Run every benchmark and print one table: median, baseline median, ratio, target, result.")
public final class BenchAllCommand implements Callable<Integer> {

    static final String SUMMARY_START = "<!-- bench-summary:start (written by ./sandmle bench) -->";
    static final String SUMMARY_END = "<!-- bench-summary:end -->";

    /** Small sizes per bench for --quick; a bench not listed runs with its defaults. */
    private static final Map<String, List<String>> QUICK = Map.of(
            "grading", List.of("--rows", "100000", "--auc-rows", "20000", "--repeats", "3"),
            "steps", List.of("--repeats", "5", "--no-slurm"),
            "grpo", List.of("--generate", "2", "--steps", "2", "--tasks-per-step", "2", "--group-size", "2"),
            // One twin, audio: the cheapest full twin to generate (about 40 s); the full run times all seven.
            "generation", List.of("--seeds", "4", "--per-seed", "1", "--modalities", "AUDIO", "--repeats", "1"),
            "report", List.of("--systems", "3", "--tasks", "50", "--seeds", "20", "--reps", "1000", "--repeat", "1"),
            "rollout", List.of("--episodes", "6"));

    @Option(names = "--quick", description = "Small sizes: a rough table in a few minutes instead of the full run.")
    boolean quick;

    @Option(names = "--doc", defaultValue = "docs/PERFORMANCE.md",
            description = "Markdown file whose summary table is rewritten (default ${DEFAULT-VALUE}); skipped when absent.")
    Path doc;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine bench = spec.commandLine().getParent();
        BenchTable.drain();
        List<String> failed = new ArrayList<>();
        for (var entry : bench.getSubcommands().entrySet()) {
            String name = entry.getKey();
            if (name.equals(spec.name()) || name.equals("help")) {
                continue;
            }
            List<String> args = quick ? QUICK.getOrDefault(name, List.of()) : List.of();
            System.out.println("== bench " + name + (args.isEmpty() ? "" : " " + String.join(" ", args)));
            int code = entry.getValue().execute(args.toArray(String[]::new));
            if (code != SandmleCommand.OK) {
                failed.add(name);
            }
        }
        List<BenchTable.Row> rows = BenchTable.drain();
        String table = BenchTable.markdown(rows);
        System.out.println();
        System.out.print(table);
        if (!failed.isEmpty()) {
            System.out.println("Benchmarks that did not finish: " + String.join(", ", failed) + " (see their output above).");
        }
        writeSummary(table);
        boolean allMet = rows.stream().noneMatch(r -> Boolean.FALSE.equals(r.met()));
        return failed.isEmpty() && allMet ? SandmleCommand.OK : SandmleCommand.FAILED;
    }

    private void writeSummary(String table) throws IOException {
        if (!Files.isRegularFile(doc)) {
            System.out.println("(" + doc + " not found here; run from the repository root to update it.)");
            return;
        }
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String section = SUMMARY_START + "\n## Summary (all benchmarks)\n\nLatest `./sandmle bench" + (quick ? " --quick" : "")
                + "` at " + stamp + " on " + Runtime.getRuntime().availableProcessors() + " cores (load average "
                + String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()) + "). Ratio = baseline median / harness median, both measured in the same "
                + "run; each area's section below says what is measured and how.\n\n" + table + SUMMARY_END + "\n";
        Files.writeString(doc, withSummary(Files.readString(doc), section));
        System.out.println("Summary table written to " + doc);
    }

    /** The document with its summary replaced, or inserted after the title when it has none yet. */
    static String withSummary(String text, String section) {
        int start = text.indexOf(SUMMARY_START);
        int end = text.indexOf(SUMMARY_END);
        if (start >= 0 && end > start) {
            return text.substring(0, start) + section + text.substring(end + SUMMARY_END.length()).replaceFirst("^\n", "");
        }
        int titleEnd = text.startsWith("# ") ? text.indexOf('\n') + 1 : 0;
        return text.substring(0, titleEnd) + "\n" + section + "\n" + text.substring(titleEnd).replaceFirst("^\n", "");
    }
}
