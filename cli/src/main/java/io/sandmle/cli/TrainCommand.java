package io.sandmle.cli;

import io.sandmle.api.TrainingResult;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.run.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sandmle train --config <yaml> [--resume <run>]}: trains the policy the config's {@code trainer:}
 * section names on its training tasks, with episodes in the sandbox on the configured executor. Progress
 * (one line per step) goes to stderr; checkpoints to {@code runs/<run>/checkpoints/}; learning curves to
 * the run database.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a policy (GRPO, SFT, external) on synthetic tasks from an experiment config.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "<yaml>", description = "The experiment config.")
    Path config;

    @Option(names = "--resume", paramLabel = "<run>",
            description = "Continue the run folder <runs-dir>/<run> from its newest checkpoint.")
    String resume;

    @Mixin
    PluginPathOption pluginPath;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig experiment = ConfigLoader.load(config);
        if (resume != null) {
            experiment = experiment.withRun(resume);
            if (!Files.isDirectory(experiment.runDir())) {
                throw new IllegalArgumentException("There is no run folder " + experiment.runDir() + " to resume; "
                        + "check the run name or start it without --resume.");
            }
        }
        TrainingResult result;
        try (Experiment run = Experiment.open(experiment, pluginPath.load())) {
            result = run.train(resume != null, System.err);
        }
        System.out.println("Trained " + result.steps() + " steps; final checkpoint: " + result.finalCheckpoint());
        new TreeMap<>(result.finalMetrics()).forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-16s %.4f%n", k, v));
        return SandmleCommand.OK;
    }
}
