package io.sandmle.runner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sandmle bench}: speed benchmarks, one sub-command per area; each prints medians and a baseline. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Speed benchmarks (medians, with a baseline measured in the same run).",
        subcommands = {ReportBenchCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
