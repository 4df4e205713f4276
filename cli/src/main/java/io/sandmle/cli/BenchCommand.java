package io.sandmle.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sandmle bench}: speed benchmarks, one sub-command per area ({@code grading}, …). Each
 * bench measures the harness and a baseline in the same run and prints medians and ratios; add a
 * bench by writing a command class, listing it here and recording its rows in
 * {@link io.sandmle.cli.bench.BenchTable}. Without a sub-command it runs them all ({@code all}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Speed benchmarks that measure the harness against a baseline in the same run.",
        subcommands = {BenchAllCommand.class, GradingBench.class, BenchStepsCommand.class, GenerationBench.class,
                ReportBenchCommand.class, BenchRolloutCommand.class, GrpoBench.class})
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "With no sub-command: run every benchmark at small sizes.")
    boolean quick;

    /** No sub-command: every benchmark, one table ({@code bench all}). */
    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("all").execute(quick ? new String[] {"--quick"} : new String[0]);
    }
}
