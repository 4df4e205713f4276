package io.sandmle.runner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sandmle bench}: speed benchmarks, one sub-command per area ({@code grading}, …). Each
 * bench measures the harness and a baseline in the same run and prints medians and ratios; add a
 * bench by writing a command class and listing it here.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Speed benchmarks that measure the harness against a baseline in the same run.",
        subcommands = {GradingBench.class, BenchStepsCommand.class, GenerationBench.class, ReportBenchCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The median of some timings. */
    static double median(double[] values) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
