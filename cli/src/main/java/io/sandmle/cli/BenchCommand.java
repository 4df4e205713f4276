package io.sandmle.cli;

import io.sandmle.api.BenchContext;
import io.sandmle.api.BenchResult;
import io.sandmle.api.BenchSize;
import io.sandmle.api.Benchmark;
import io.sandmle.api.ExtensionKind;
import io.sandmle.cli.bench.BenchResultFormatter;
import io.sandmle.cli.bench.PerformanceDoc;
import io.sandmle.cli.bench.ScratchFolder;
import io.sandmle.runner.plugins.Extensions;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sandmle bench [--quick] [name…]}: runs the benchmarks registered as {@link ExtensionKind#BENCHMARK}
 * (the harness's own and any plugin's), one after the other, each printing its detail, then one table of their
 * results; after a run of all of them it rewrites the summary block of docs/PERFORMANCE.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Speed benchmarks that measure the harness against a baseline in the same run; one table of "
                + "value, baseline, ratio, target and result.")
public final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<name>", arity = "0..*",
            description = "Benchmarks to run (default: all of them; --list shows them).")
    List<String> names = new ArrayList<>();

    @Option(names = "--quick", description = "Small sizes: a rough table in a few minutes instead of the full run.")
    boolean quick;

    @Option(names = "--list", description = "List the benchmarks with what each measures; run none.")
    boolean list;

    @Option(names = "--markdown", paramLabel = "<file>", description = "Also write the table as Markdown to this file.")
    Path markdown;

    @Option(names = "--doc", paramLabel = "<file>", defaultValue = "docs/PERFORMANCE.md",
            description = "Whose summary block a run of every benchmark rewrites (default ${DEFAULT-VALUE}; skipped "
                    + "when absent).")
    Path doc;

    @Option(names = "--keep", paramLabel = "<dir>",
            description = "Keep each benchmark's files (inputs, run folders, reports) in a new folder under <dir>.")
    Path keep;

    @Mixin
    PluginPathOption pluginPath;

    /** What each benchmark is handed; detail goes to standard output. */
    private record Run(BenchSize size, Path scratch, PrintStream out) implements BenchContext {
    }

    @Override
    public Integer call() throws IOException {
        List<Benchmark> benchmarks = selected(pluginPath.load());
        PrintStream out = System.out;
        if (list) {
            benchmarks.forEach(b -> out.printf("%-12s %s%n", b.name(), b.description()));
            return SandmleCommand.OK;
        }
        BenchSize size = quick ? BenchSize.QUICK : BenchSize.FULL;
        out.printf(Locale.ROOT, "%d benchmark(s) at %s size on %d cores, load average %.1f%n", benchmarks.size(),
                size.name().toLowerCase(Locale.ROOT), Runtime.getRuntime().availableProcessors(), loadAverage());
        Map<String, BenchResult> results = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (Benchmark benchmark : benchmarks) {
            out.println("== bench " + benchmark.name() + (quick ? " --quick" : ""));
            try (ScratchFolder scratch = scratchFor(benchmark)) {
                results.put(benchmark.name(), benchmark.run(new Run(size, scratch.path(), out)));
            } catch (Exception e) {
                // One benchmark that cannot run (a tool missing here) must not cost the others' numbers.
                failed.add(benchmark.name());
                System.err.println("sandmle: bench " + benchmark.name() + " did not finish: "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        out.println();
        out.print(BenchResultFormatter.console(results));
        if (!failed.isEmpty()) {
            out.println("Benchmarks that did not finish: " + String.join(", ", failed) + " (see their output above).");
        }
        if (markdown != null) {
            Files.writeString(markdown, BenchResultFormatter.markdown(results));
            out.println("Markdown table written to " + markdown);
        }
        if (names.isEmpty() && failed.isEmpty()) {
            writeSummary(benchmarks, results);
        }
        boolean met = results.values().stream().allMatch(BenchResult::targetsMet);
        return failed.isEmpty() && met ? SandmleCommand.OK : SandmleCommand.FAILED;
    }

    /** The named benchmarks in the order given, or every registered one in name order. */
    private List<Benchmark> selected(Extensions extensions) {
        List<Benchmark> benchmarks = new ArrayList<>();
        for (String name : names.isEmpty() ? extensions.names(ExtensionKind.BENCHMARK) : new LinkedHashSet<>(names)) {
            Benchmark benchmark = extensions.create(ExtensionKind.BENCHMARK, name);
            if (!benchmark.name().equals(name)) {
                throw new IllegalStateException(benchmark.getClass().getName() + " is registered as benchmark '" + name
                        + "' but names itself '" + benchmark.name() + "'; make the two the same.");
            }
            benchmarks.add(benchmark);
        }
        return benchmarks;
    }

    private ScratchFolder scratchFor(Benchmark benchmark) throws IOException {
        String prefix = "sandmle-bench-" + benchmark.name() + "-";
        return keep == null ? ScratchFolder.temporary(prefix) : ScratchFolder.keptUnder(keep, prefix);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void writeSummary(List<Benchmark> benchmarks, Map<String, BenchResult> results) throws IOException {
        if (!Files.isRegularFile(doc)) {
            System.out.println("(" + doc + " not found here; run from the repository root to update it.)");
            return;
        }
        var conditions = new BenchResultFormatter.Conditions("./sandmle bench" + (quick ? " --quick" : ""),
                ZonedDateTime.now(ZoneOffset.UTC), Runtime.getRuntime().availableProcessors(),
                loadAverage());
        PerformanceDoc.rewrite(doc, BenchResultFormatter.docsBlock(results, benchmarks, conditions));
        System.out.println("Summary table written to " + doc);
    }
}
