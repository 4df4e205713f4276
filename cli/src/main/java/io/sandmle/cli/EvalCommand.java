package io.sandmle.cli;

import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.rollout.ConsoleProgress;
import io.sandmle.runner.rollout.RunSummary;
import io.sandmle.runner.rollout.Shard;
import io.sandmle.runner.run.Experiment;
import io.sandmle.runner.run.ShardFolders;
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
 * finishes an interrupted one with {@code --resume}; with {@code --shard i/n} it runs one shard of the plan into
 * {@code runs/<run>/shards/<i>-of-<n>/} (rerunning it resumes it), for {@code sandmle merge} to join.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Run suites x tasks x seeds x scaffolds x policies from a config, or finish a killed run "
                + "with --resume; prints valid, above-median and medal rates per system. With --shard i/n, run "
                + "only shard i of n (its own store under <run>/shards/; rerun to resume) and join the shards "
                + "with 'sandmle merge <run>'.")
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

    @Option(names = "--shard", paramLabel = "<i/n>",
            description = "Run only shard i (from 0) of n of the plan, in a folder of its own; the same command "
                    + "again resumes it. On Slurm: ${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}.")
    String shard;

    @Override
    public Integer call() throws IOException {
        if (shard != null) {
            return evaluateShard(Shard.parse(shard));
        }
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
            runDir = runFolder(source.resume);
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

    /** Runs (or resumes: starting and resuming a shard are the same command) one shard of the plan. */
    private Integer evaluateShard(Shard part) throws IOException {
        ExperimentConfig config = ConfigLoader.load(source.config != null ? source.config
                : ShardFolders.configOf(runFolder(source.resume), part));
        Experiment.Evaluated result;
        try (Experiment experiment = Experiment.openShard(config, pluginPath.load(), part)) {
            result = experiment.evaluate(ConsoleProgress.onStderr());
        }
        System.out.print(RunSummary.table(result.summary()));
        System.out.println("Shard " + part + " folder: " + result.runDir());
        System.out.println("When every shard has finished: sandmle merge " + config.runDir());
        return SandmleCommand.OK;
    }

    /** A run folder, or a run name under ./runs. */
    private static Path runFolder(Path given) {
        return Files.isDirectory(given) ? given : Path.of("runs").resolve(given);
    }
}
