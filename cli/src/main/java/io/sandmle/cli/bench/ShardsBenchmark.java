package io.sandmle.cli.bench;

import io.sandmle.api.BenchContext;
import io.sandmle.api.BenchResult;
import io.sandmle.api.BenchResult.Row;
import io.sandmle.api.BenchResult.Unit;
import io.sandmle.api.Benchmark;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.cli.SandmleCommand;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.run.ShardMerge;
import io.sandmle.runner.store.RunSnapshot;
import io.sandmle.support.Quantiles;
import io.sandmle.support.doubles.MicroTask;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * One evaluation plan run as one shard and as two shards (two {@code sandmle eval --shard i/2} processes at once),
 * each followed by its merge, on this machine: episodes per minute of both, and the per-step costs that project the
 * scaling to n nodes (a process's fixed start-up, an episode's wall time, the merge's time per episode and fixed part).
 */
public final class ShardsBenchmark implements Benchmark {

    private static final int TURNS = 3;
    private static final int PARALLEL = 2;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Extensions extensions;

    @Inject
    public ShardsBenchmark(Extensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public String name() {
        return "shards";
    }

    @Override
    public String description() {
        return "One eval plan (embedded policy, ReAct, 3 turns, micro task, 2 parallel per process) as 1 shard and "
                + "as 2 shard processes at once, each merged: episodes per minute, process start-up, episode time "
                + "and the merge's cost per episode and fixed part, from which docs/PERFORMANCE.md projects n nodes.";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        int episodes = context.size().pick(8, 24);
        Path dir = context.scratch();
        Path tasks = dir.resolve("tasks");
        MicroTask.create(tasks.resolve("micro-task"));

        double startup = seconds(() -> awaitAll(List.of(shard(config(dir, "startup", tasks, episodes), episodes,
                episodes + 1)))); // a shard with no episode: JVM, plugins, plan and store only
        Path one = config(dir, "one", tasks, episodes);
        double oneWall = seconds(() -> awaitAll(List.of(shard(one, 0, 1))));
        double firstMerge = seconds(() -> merge(dir, "one")); // also warms this JVM up for the two below
        Path two = config(dir, "two", tasks, episodes);
        double twoWall = seconds(() -> awaitAll(List.of(shard(two, 0, 2), shard(two, 1, 2))));
        double twoMerge = seconds(() -> merge(dir, "two"));
        double mergeFixed = seconds(() -> merge(dir, "two")); // adds nothing: checks, shard snapshots, report
        double adoptPerEpisode = Math.max(0, twoMerge - mergeFixed) / episodes;

        List<EpisodeRecord> records = RunSnapshot.read(dir.resolve("runs/one")).episodes();
        double episodeSeconds = Quantiles.median(records.stream().mapToDouble(r -> r.wallMillis() / 1000.0)
                .toArray());
        double onePerMinute = episodes * 60 / oneWall;
        double twoPerMinute = episodes * 60 / twoWall;
        double nodeRate = episodes / (oneWall - startup); // episodes per second of one node, start-up excluded
        context.out().printf(Locale.ROOT, "%d episodes: 1 shard %.1f s, 2 shards at once %.1f s; process start-up "
                + "%.1f s; episode median %.2f s; one node %.1f episodes per minute after start-up%n", episodes,
                oneWall, twoWall, startup, episodeSeconds, nodeRate * 60);
        context.out().printf(Locale.ROOT, "merge: first %.2f s (cold JVM), of 2 shards %.2f s, again (nothing to "
                + "add) %.2f s, so %.0f ms per adopted episode + %.2f s fixed (checks, snapshots, report)%n",
                firstMerge, twoMerge, mergeFixed, adoptPerEpisode * 1000, mergeFixed);
        for (int nodes : new int[] {1, 4, 16, 64, 256}) {
            int plan = 1000;
            double projected = startup + plan / (nodes * nodeRate) + plan * adoptPerEpisode + mergeFixed;
            context.out().printf(Locale.ROOT, "projected: %d episodes on %d node(s) like this one, then the merge: "
                    + "%.0f s, %.0f episodes per minute%n", plan, nodes, projected, plan * 60 / projected);
        }
        return new BenchResult(List.of(
                Row.of("2 shard processes vs 1 on this machine, wall time of the plan", twoWall, Unit.SECONDS)
                        .withBaseline(oneWall),
                Row.of("episodes per minute, 1 shard", onePerMinute, Unit.of("ep/min")),
                Row.of("episodes per minute, 2 shards at once", twoPerMinute, Unit.of("ep/min")),
                Row.of("start-up of a shard process (JVM, plugins, plan, store)", startup, Unit.SECONDS),
                Row.of("episode wall time, median", episodeSeconds, Unit.SECONDS),
                Row.of("merge: time per adopted episode", adoptPerEpisode * 1000, Unit.MILLISECONDS),
                Row.of("merge: fixed part (checks, snapshots, report)", mergeFixed, Unit.SECONDS)));
    }

    private void merge(Path dir, String run) throws IOException {
        new ShardMerge(dir.resolve("runs").resolve(run), extensions).merge(false);
    }

    /** The plan (one micro task x {@code episodes} seeds) under run name {@code run}, written as YAML. */
    private static Path config(Path dir, String run, Path tasks, int episodes) throws IOException {
        ExperimentConfig config = ExperimentConfig.builder(run).runsDir(dir.resolve("runs"))
                .suite("synthetic", tasks, List.of()).scaffolds("react").executor("local", PARALLEL)
                .seeds(LongStream.range(0, episodes).boxed().toList())
                .budget(TURNS, Duration.ofMinutes(5), Duration.ofMinutes(1)).build();
        Path file = dir.resolve(run + ".yaml");
        Files.writeString(file, ConfigLoader.toYaml(config));
        return file;
    }

    /** Starts {@code sandmle eval --config config --shard index/count} in a JVM of its own. */
    private static Process shard(Path config, int index, int count) throws IOException {
        Path log = config.resolveSibling(config.getFileName() + "." + index + "-of-" + count + ".log");
        return new ProcessBuilder(JAVA, "-XX:+UseParallelGC", "-Djava.io.tmpdir=" + config.getParent(), "-cp",
                System.getProperty("java.class.path"), SandmleCommand.class.getName(), "eval", "--config",
                config.toString(), "--shard", index + "/" + count)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitAll(List<Process> processes) throws Exception {
        List<String> failed = new ArrayList<>();
        for (Process p : processes) {
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                failed.add(p.info().commandLine().orElse("a shard"));
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("A shard process failed (" + failed.get(0) + "); its log is in the "
                    + "scratch folder (--keep).");
        }
    }

    private interface Timed {
        void run() throws Exception;
    }

    private static double seconds(Timed work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
