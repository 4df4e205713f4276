package io.sandmle.cli;

import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Limits;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.ConsoleProgress;
import io.sandmle.runner.rollout.EvalRun;
import io.sandmle.runner.rollout.RunSummary;
import io.sandmle.runner.rollout.SandboxedEnvironments;
import io.sandmle.runner.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sandmle eval}: runs an evaluation from its config into {@code runs/<run>/}, or finishes an
 * interrupted one with {@code --resume}.
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
            Files.createDirectories(runDir);
            Files.writeString(runDir.resolve("config.yaml"), ConfigLoader.toYaml(config));
        } else {
            runDir = Files.isDirectory(source.resume) ? source.resume : Path.of("runs").resolve(source.resume);
            Path saved = runDir.resolve("config.yaml");
            if (!Files.isRegularFile(saved)) {
                throw new IllegalArgumentException("No run to resume at " + runDir + " (it has no config.yaml); "
                        + "give the run folder or its name under ./runs.");
            }
            config = ConfigLoader.load(saved);
        }
        Extensions extensions = pluginPath.load();
        Limits limits = config.executor().limits().toLimits();
        List<RunSummary.Row> rows;
        try (Executor executor = extensions.create(ExtensionKind.EXECUTOR, config.executor().name());
             RunStore store = RunStore.open(runDir)) {
            rows = new EvalRun(config, extensions).run(store, new SandboxedEnvironments(executor, limits),
                    ConsoleProgress.onStderr());
        }
        System.out.print(RunSummary.table(rows));
        System.out.println("Run folder: " + runDir);
        return SandmleCommand.OK;
    }
}
