package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.executors.SlurmCluster;
import io.sandmle.runner.config.RepoFiles;
import io.sandmle.runner.store.RunSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm recipe of examples/slurm as a user submits it, on a real one-node cluster: a job array of two shards
 * and a merge job that waits for both ({@code --dependency=afterok}); the merged run holds every planned episode
 * once.
 */
@ExtendWith(SlurmCluster.class)
class SlurmShardRecipeTest {

    private static final Path ROOT = RepoFiles.root();
    private static final int PLANNED = 5; // fixture competitions x one seed

    @TempDir
    Path dir;

    @Test
    void anArrayOfShardsThenTheMergeJobGiveOneCompleteRun() throws Exception {
        Path runDir = dir.resolve("runs/on-slurm");
        Path config = dir.resolve("eval.yaml");
        Files.writeString(config, String.join("\n",
                "run: on-slurm",
                "runs-dir: runs",
                "suites:",
                "  - {name: mle-bench-lite, data-dir: " + ROOT.resolve("examples/fixtures/mle-bench-lite") + "}",
                "policies:",
                "  - {name: embedded, provider: embedded}",
                "executor: {name: local, parallel: 1}",
                "budget: {max-turns: 2, episode-time: 3m, step-time: 1m}",
                ""));

        String submitted = shell("bash", ROOT.resolve("examples/slurm/submit-sharded-eval.sh").toString(),
                config.toString(), "2", runDir.toString());
        Matcher ids = Pattern.compile("shards: job (\\d+) .*merge: job (\\d+)", Pattern.DOTALL).matcher(submitted);
        assertTrue(ids.find(), submitted);
        String array = ids.group(1);
        String merge = ids.group(2);
        waitUntilGone(array + "," + merge);

        String mergeLog = Files.readString(dir.resolve("sandmle-merge-" + merge + ".out"));
        assertTrue(mergeLog.contains("Merged 2 shard(s) into " + runDir + ": 5 of 5 planned episodes"),
                mergeLog + shardLogs());
        List<EpisodeRecord> episodes = RunSnapshot.read(runDir).episodes();
        assertEquals(PLANNED, episodes.size());
        assertEquals(PLANNED, episodes.stream().map(EpisodeRecord::episodeId).distinct().count(), "each once");
        assertTrue(Files.isDirectory(runDir.resolve("shards/0-of-2")) && Files.isDirectory(runDir.resolve(
                "shards/1-of-2")), "one store per array task");
    }

    /** Waits until Slurm no longer lists the jobs (finished, failed or cancelled). */
    private void waitUntilGone(String jobs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        while (System.nanoTime() < deadline) {
            if (shell("squeue", "-h", "-j", jobs).isBlank()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("jobs " + jobs + " still queued or running after 8 minutes: " + shardLogs());
    }

    private String shardLogs() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("sandmle-")).sorted().toList()) {
                all.append("\n--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        }
        return all.toString();
    }

    /** Runs a command in the test folder with the cluster's config and this build as the launcher's class path. */
    private String shell(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("SLURM_CONF", SlurmCluster.slurmConf().toString());
        pb.environment().put("SANDMLE", ROOT.resolve("sandmle").toString());
        pb.environment().put("SANDMLE_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("SANDMLE_NO_PROVISION", "1");
        pb.environment().put("SANDMLE_JAVA_OPTS", "-Djava.io.tmpdir=" + dir);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }
}
