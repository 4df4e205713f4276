package io.sandmle.runner.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sandmle bench}: speed benchmarks, one sub-command per area; each reports medians and ratios. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the harness's speed against baselines measured in the same run.",
        subcommands = {BenchStepsCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
