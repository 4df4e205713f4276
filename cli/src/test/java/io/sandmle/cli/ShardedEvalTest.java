package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.api.codec.TrajectoryJsonLines;
import io.sandmle.runner.config.RepoFiles;
import io.sandmle.runner.run.Provenance;
import io.sandmle.runner.store.RunSnapshot;
import io.sandmle.runner.store.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sandmle eval --shard i/n} and {@code sandmle merge} as a user runs them on a cluster: four shard processes
 * of a real evaluation (embedded policy, five fixture competitions x three seeds, the local sandbox), one of them
 * killed with SIGKILL mid-run and rerun; the merge refuses while episodes are missing, naming the shards, then
 * holds exactly the planned episodes, each once, graded as one unsharded run of the same config grades them.
 */
class ShardedEvalTest {

    private static final int SHARDS = 4;
    private static final int PLANNED = 5 * 3; // fixture competitions x seeds
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    /** Where each started process's output goes. */
    private final Map<Process, Path> logs = new HashMap<>();

    @Test
    void fourShardsOneKilledAndRerunMergeToExactlyThePlannedEpisodes() throws Exception {
        Path config = config("sharded");
        Path runDir = dir.resolve("runs/sharded");
        Path killedShard = runDir.resolve("shards/0-of-4");

        Process victim = start("eval", "--config", config.toString(), "--shard", "0/4");
        waitForSecondEpisode(victim, killedShard.resolve("episodes"));
        victim.destroyForcibly(); // SIGKILL on Linux
        victim.waitFor();
        Map<String, Trajectory> beforeKill = trajectories(killedShard);
        assertTrue(beforeKill.size() >= 1 && beforeKill.size() < 4, "killed mid-run: " + beforeKill.keySet());

        List<Process> others = List.of(start("eval", "--config", config.toString(), "--shard", "1/4"),
                start("eval", "--config", config.toString(), "--shard", "2/4"));
        for (Process p : others) {
            assertEquals(0, finish(p), output(p));
        }

        CliRun refused = run("merge", runDir.toString());
        assertEquals(SandmleCommand.FAILED, refused.exitCode(), refused.out());
        assertTrue(refused.out().contains("planned episodes (shard 0/4 lacks " + (4 - beforeKill.size())
                + " of its 4"), refused.out());
        assertTrue(refused.out().contains("shard 3/4 has none of its 3"), refused.out());
        assertTrue(refused.out().contains("rerun shards 0/4, 3/4 with 'sandmle eval --resume " + runDir
                + " --shard i/4'"), refused.out());
        assertEquals(1, refused.out().strip().lines().count(), "one sentence: " + refused.out());
        assertFalse(Files.exists(runDir.resolve(RunStore.DATABASE)), "a refused merge writes nothing");

        CliRun resumed = run("eval", "--resume", runDir.toString(), "--shard", "0/4");
        assertEquals(0, resumed.exitCode(), resumed.out());
        Map<String, Trajectory> afterResume = trajectories(killedShard);
        assertEquals(4, afterResume.size(), "the rerun shard finished its part");
        beforeKill.forEach((id, t) -> assertEquals(t, afterResume.get(id), "kept as it was before the kill: " + id));
        assertEquals(0, run("eval", "--config", config.toString(), "--shard", "3/4").exitCode());

        CliRun merged = run("merge", runDir.toString());
        assertEquals(0, merged.exitCode(), merged.out());
        assertTrue(merged.out().contains("15 of 15 planned episodes, 15 added by this merge"), merged.out());
        RunSnapshot run = RunSnapshot.read(runDir);
        Map<String, EpisodeRecord> byId = run.episodes().stream()
                .collect(Collectors.toMap(EpisodeRecord::episodeId, Function.identity()));
        assertEquals(PLANNED, run.episodes().size(), "one record per planned episode");
        assertEquals(PLANNED, byId.size(), "no episode twice");
        for (String id : byId.keySet()) {
            assertTrue(Files.isRegularFile(runDir.resolve("episodes").resolve(id).resolve(TrajectoryJsonLines.FILE_NAME)),
                    "the merged run has the trajectory of " + id);
        }
        assertTrue(Files.isRegularFile(runDir.resolve("report/index.html")), "the merge writes the run's report");
        List<String> provenance = Files.readAllLines(runDir.resolve(Provenance.FILE));
        assertEquals(SHARDS + 1, provenance.size(), "each shard's start, and shard 0's resume");
        for (int i = 0; i < SHARDS; i++) {
            String shard = "\"shard\":\"" + i + "/4\"";
            assertTrue(provenance.stream().anyMatch(l -> l.contains(shard)), shard);
        }

        Path unsharded = config("unsharded");
        assertEquals(0, run("eval", "--config", unsharded.toString()).exitCode());
        Map<String, EpisodeRecord> whole = RunSnapshot.read(dir.resolve("runs/unsharded")).episodes().stream()
                .collect(Collectors.toMap(EpisodeRecord::episodeId, Function.identity()));
        assertEquals(whole.keySet(), byId.keySet(), "the shards together are exactly the unsharded plan");
        for (var e : whole.entrySet()) {
            EpisodeRecord sharded = byId.get(e.getKey());
            assertEquals(e.getValue().grade(), sharded.grade(), "same grade as unsharded: " + e.getKey());
            assertEquals(e.getValue().reward(), sharded.reward(), "same reward as unsharded: " + e.getKey());
        }

        CliRun again = run("merge", runDir.toString());
        assertEquals(0, again.exitCode(), again.out());
        assertTrue(again.out().contains("15 of 15 planned episodes, 0 added by this merge"), again.out());
        assertEquals(PLANNED, RunSnapshot.read(runDir).episodes().size(), "merging again repeats nothing");
    }

    @Test
    void badShardsAreOneSentence() throws Exception {
        Path config = config("bad");
        for (String[] bad : List.of(new String[] {"4/4", "--shard 4/4 names no shard; with 4 shards the first number "
                + "is 0 to 3"}, new String[] {"0/0", "--shard 0/0 has 0 shards"},
                new String[] {"-1/2", "--shard -1/2 names no shard"},
                new String[] {"two", "--shard 'two' is not of the form i/n"})) {
            CliRun r = CliRun.of("eval", "--config", config.toString(), "--shard", bad[0]);
            assertEquals(SandmleCommand.BAD_INPUT, r.exitCode(), r.err());
            assertTrue(r.err().contains(bad[1]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertFalse(Files.exists(dir.resolve("runs/bad")), "nothing ran");

        Path oneTask = dir.resolve("one-task.yaml");
        Files.writeString(oneTask, Files.readString(config).replace("seeds: [0, 1, 2]", "seeds: [0]")
                .replace("data-dir: ", "tasks: [spooky-author-identification], data-dir: "));
        assertEquals(0, CliRun.of("eval", "--config", oneTask.toString(), "--shard", "0/2").exitCode());
        CliRun otherConfig = CliRun.of("eval", "--config", config.toString(), "--shard", "1/2");
        assertEquals(SandmleCommand.BAD_INPUT, otherConfig.exitCode(), otherConfig.err());
        assertTrue(otherConfig.err().contains("Shard 1/2 would run another config than the shards of run bad already "
                + "did"), otherConfig.err());
        CliRun otherCut = CliRun.of("eval", "--config", oneTask.toString(), "--shard", "0/3");
        assertEquals(SandmleCommand.BAD_INPUT, otherCut.exitCode(), otherCut.err());
        assertTrue(otherCut.err().contains("already holds shard 0/2, cut into 2 shards"), otherCut.err());
        CliRun noShards = CliRun.of("merge", dir.resolve("runs").toString());
        assertEquals(SandmleCommand.BAD_INPUT, noShards.exitCode(), noShards.err());
        assertTrue(noShards.err().contains("has no shards"), noShards.err());
    }

    private Path config(String run) throws IOException {
        Path file = dir.resolve(run + ".yaml");
        Files.writeString(file, String.join("\n",
                "run: " + run,
                "runs-dir: runs",
                "suites:",
                "  - {name: mle-bench-lite, data-dir: " + RepoFiles.root().resolve("examples/fixtures/mle-bench-lite")
                        + "}",
                "seeds: [0, 1, 2]",
                "policies:",
                "  - {name: embedded, provider: embedded}",
                "executor: {name: local, parallel: 1}",
                "budget: {max-turns: 2, episode-time: 3m, step-time: 1m}",
                ""));
        return file;
    }

    /** Starts {@code sandmle args} in a JVM of its own, as a shell (or a Slurm array task) would. */
    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Djava.io.tmpdir=" + Files.createDirectories(
                dir.resolve("tmp")), "-cp", System.getProperty("java.class.path"), SandmleCommand.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "sandmle-", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        logs.put(p, log);
        return p;
    }

    private CliRun run(String... args) throws Exception {
        Process p = start(args);
        int code = finish(p);
        return new CliRun(code, output(p), "");
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("a sandmle process did not finish in 5 minutes");
        }
        return p.exitValue();
    }

    /** What the process printed (stdout and stderr), kept in its log file under the test folder. */
    private String output(Process p) throws IOException {
        return Files.readString(logs.get(p), StandardCharsets.UTF_8);
    }

    /**
     * Waits until a second trajectory file is written: one episode at a time, the first one's row is committed by
     * then, so the kill lands after at least one recorded episode and, with two to go, before the last.
     */
    private static void waitForSecondEpisode(Process p, Path episodes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (p.isAlive() && System.nanoTime() < deadline && trajectoryFiles(episodes) < 2) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the shard finished before it could be killed");
    }

    private static long trajectoryFiles(Path episodes) throws IOException {
        if (!Files.isDirectory(episodes)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(episodes, 2)) {
            return s.filter(p -> p.getFileName().toString().equals(TrajectoryJsonLines.FILE_NAME)).count();
        }
    }

    /** The recorded episodes of a shard folder and their trajectories, read without changing the folder. */
    private static Map<String, Trajectory> trajectories(Path shard) throws IOException {
        Map<String, Trajectory> all = new HashMap<>();
        for (EpisodeRecord r : RunSnapshot.read(shard).episodes()) {
            all.put(r.episodeId(), TrajectoryJsonLines.read(shard.resolve("episodes").resolve(r.episodeId())
                    .resolve(TrajectoryJsonLines.FILE_NAME)));
        }
        return all;
    }
}
