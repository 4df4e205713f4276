package io.sandmle.cli;

import io.sandmle.runner.rollout.RunSummary;
import io.sandmle.runner.run.ShardMerge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sandmle merge}: joins the shards of a sharded evaluation ({@code sandmle eval --shard i/n}) into one run
 * with every planned episode once, and writes its report. Refuses, in one sentence naming the shards to rerun, when
 * episodes are missing, unless {@code --partial}; running it again adds only what is new.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the shards of a run (sandmle eval --shard i/n) into one run store and one report; "
                + "checks they share config and plan and hold every planned episode once. Safe to rerun.")
public final class MergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<run>", description = "The run folder (runs/<run>), or a run name under ./runs.")
    Path run;

    @Option(names = "--partial", description = "Merge what the shards hold even when planned episodes are missing "
            + "or a shard still runs (the report says so); merging again later adds the rest.")
    boolean partial;

    @Mixin
    PluginPathOption pluginPath;

    @Override
    public Integer call() throws Exception {
        Path runDir = Files.isDirectory(run) ? run : Path.of("runs").resolve(run);
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("No run folder at " + run + "; give the run folder (runs/<run>) or "
                    + "its name under ./runs.");
        }
        ShardMerge.Merged merged = new ShardMerge(runDir, pluginPath.load()).merge(partial);
        System.out.print(RunSummary.table(merged.summary()));
        int held = merged.planned() - merged.missing().size();
        System.out.printf("Merged %d shard(s) into %s: %d of %d planned episodes, %d added by this merge.%n",
                merged.shards(), runDir, held, merged.planned(), merged.added());
        merged.report().ifPresent(r -> System.out.println("Report: " + r));
        return SandmleCommand.OK;
    }
}
