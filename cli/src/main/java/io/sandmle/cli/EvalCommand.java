package io.sandmle.cli;

import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.rollout.ConsoleProgress;
import io.sandmle.runner.rollout.RunSummary;
import io.sandmle.runner.run.Experiment;
import io.sandmle.runner.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sandmle eval}: runs an evaluation from its config into {@code runs/<run>/} and writes its report, or
 * finishes an interrupted one with {@code --resume}.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Run suites x tasks x seeds x scaffolds x policies from a config, or finish a killed run "
                + "with --resume; prints valid, above-median and medal rates per system.")
public final class EvalCommand implements Callable<Integer> {

    @Mixin
    PluginPathOption pluginPath;

    @ArgGroup(multiplicity = "1")
    Source source;

    /** Exactly one of a config file or a run to resume. */
    static final class Source {
        @Option(names = "--config", paramLabel = "<yaml>", description = "The experiment config.")
        Path config;

        @Option(names = "--resume", paramLabel = "<run>",
                description = "A run folder, or a run name under ./runs, to finish.")
        Path resume;
    }

    @Override
    public Integer call() throws IOException {
        Path runDir;
        ExperimentConfig config;
        if (source.config != null) {
            config = ConfigLoader.load(source.config);
            runDir = config.runDir();
            if (Files.exists(runDir.resolve(RunStore.DATABASE))) {
                throw new IllegalArgumentException("Run folder " + runDir + " already exists; finish it with "
                        + "'sandmle eval --resume " + runDir + "' or give the config another run name.");
            }
        } else {
            runDir = Files.isDirectory(source.resume) ? source.resume : Path.of("runs").resolve(source.resume);
            Path saved = runDir.resolve("config.yaml");
            if (!Files.isRegularFile(saved)) {
                throw new IllegalArgumentException("No run to resume at " + runDir + " (it has no config.yaml); "
                        + "give the run folder or its name under ./runs.");
            }
            config = ConfigLoader.load(saved);
        }
        Experiment.Evaluated result;
        try (Experiment experiment = Experiment.open(config, pluginPath.load())) {
            result = experiment.evaluate(ConsoleProgress.onStderr());
        }
        System.out.print(RunSummary.table(result.summary()));
        System.out.println("Run folder: " + runDir);
        result.report().ifPresent(r -> System.out.println("Report: " + r));
        return SandmleCommand.OK;
    }
}
