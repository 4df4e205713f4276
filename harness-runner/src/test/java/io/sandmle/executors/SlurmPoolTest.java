package io.sandmle.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxSpec;
import io.sandmle.executors.local.SandboxUser;
import io.sandmle.executors.slurm.SlurmExecutor;
import io.sandmle.executors.slurm.SlurmOptions;
import io.sandmle.executors.slurm.pool.PoolOptions;
import io.sandmle.support.Json;
import io.sandmle.support.doubles.MicroTask;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Slurm warm pool on a real one-node cluster: pilots come and go, and a lost one loses no episode. */
@ExtendWith(SlurmCluster.class)
class SlurmPoolTest {

    @TempDir
    Path tmp;

    private SlurmExecutor pool(Map<String, String> bounds) {
        Map<String, String> settings = new java.util.HashMap<>(bounds);
        settings.putIfAbsent("memory-per-agent", "1G");
        settings.put("pool-dir", tmp.resolve("pools").toString());
        return new SlurmExecutor(SlurmOptions.fromEnvironment().withSlurmConf(SlurmCluster.slurmConf())
                .withPool(PoolOptions.from(settings)));
    }

    private SandboxSpec spec(MicroTask micro, String episode) {
        return new SandboxSpec(tmp.resolve(episode + "/work"), micro.task().publicDir(), null,
                Limits.defaults().withWallTime(Duration.ofSeconds(90)), false);
    }

    @Test
    void episodesSharePilotsThatGrowShrinkAndAreCancelledOnClose() throws Exception {
        MicroTask micro = MicroTask.create(tmp.resolve("task"));
        try (SlurmExecutor ex = pool(Map.of("min-agents", "1", "max-agents", "2", "episodes-per-agent", "1",
                "idle-release", "1s"))) {
            Sandbox first = ex.open(spec(micro, "a"));
            ExecResult fit = first.run(MicroTask.randomForestScript());
            assertTrue(fit.succeeded(), fit.toString());
            assertTrue(Files.exists(tmp.resolve("a/work/submission.csv")));
            assertEquals(1, pilots().size(), "one episode, one pilot");
            String url = Json.MAPPER.readTree(ex.poolFolder().resolve("agent-1.json").toFile()).get("url").asText();
            HttpResponse<String> stranger = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url + "/health")).header("X-Sandmle-Pool-Token", "guessed").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, stranger.statusCode(), "an agent serves only its pool's token: " + stranger.body());
            try (Sandbox second = ex.open(spec(micro, "b"))) {
                assertTrue(second.run("print('second')").stdoutTail().contains("second"));
                assertEquals(2, pilots().size(), "the first pilot was full, so the pool grew");
            }
            awaitPilots(1, "the idle pilot above min-agents is released");
            first.close();
            Thread.sleep(3000);
            assertEquals(1, pilots().size(), "min-agents keeps the last pilot");
        }
        awaitPilots(0, "closing the executor cancels every pilot");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kill -9 of the agent", "scancel of the pilot"})
    void aPilotLostMidStepLeavesNoProcessAndTheEpisodeGoesOn(String how) throws Exception {
        MicroTask micro = MicroTask.create(tmp.resolve("task"));
        try (SlurmExecutor ex = pool(Map.of("max-agents", "1"));
             Sandbox sb = ex.open(spec(micro, "ep"))) {
            assertTrue(sb.run("open('kept.txt', 'w').write('from step 1')").succeeded());
            Path started = tmp.resolve("ep/work/started");
            // A detached grandchild in its own session, and the step itself, both asleep when the node goes.
            CompletableFuture<ExecResult> step = CompletableFuture.supplyAsync(() -> {
                try {
                    return sb.run("import subprocess, time\n"
                            + "subprocess.Popen(['sleep', '4242'], start_new_session=True)\n"
                            + "open('started', 'w').write('yes')\n"
                            + "time.sleep(80)\n");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < 300 && !Files.exists(started); i++) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(started), "the step did not start");
            assertTrue(sandboxProcesses("ep").size() >= 2, "the step's processes are visible before the loss");
            Path registration = ex.poolFolder().resolve("agent-1.json");
            if (how.startsWith("kill")) {
                long pid = Json.MAPPER.readTree(registration.toFile()).get("pid").asLong();
                assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
            } else {
                run("scancel", pilots().get(0));
            }
            ExecResult lost = step.get();
            assertTrue(lost.killedReason() != null && lost.killedReason().startsWith("The Slurm pool lost the node "
                    + "running this step"), lost.toString());
            for (int i = 0; i < 50 && !sandboxProcesses("ep").isEmpty(); i++) {
                Thread.sleep(100);
            }
            assertEquals(List.of(), sandboxProcesses("ep"), "processes of the lost pilot's sandboxes survived");

            ExecResult next = sb.run("print(open('kept.txt').read())");
            assertTrue(next.succeeded() && next.stdoutTail().contains("from step 1"), next.toString());
            Path steps = tmp.resolve("ep/work-steps");
            assertTrue(Files.readString(steps.resolve("step_0001.py")).contains("from step 1"),
                    "the reopened episode overwrote its earlier steps");
            assertTrue(Files.readString(steps.resolve("step_0003.py")).contains("kept.txt"));
            // A new pilot registered (under load a second new one may have been started; which one served the
            // step is not the point, that it is not the lost one is).
            try (var registrations = Files.list(ex.poolFolder())) {
                assertTrue(registrations.map(p -> p.getFileName().toString())
                        .anyMatch(n -> n.matches("agent-[0-9]+\\.json") && !n.equals("agent-1.json")),
                        "the episode moved to a new pilot");
            }
        }
    }

    /** The pids of sandbox-user processes whose mounts show this test's episode folder. */
    private List<Long> sandboxProcesses(String episode) {
        String uid = Integer.toString(SandboxUser.resolve().uid());
        String folder = tmp.resolve(episode).toString();
        return ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(pid -> {
            try {
                return Files.readString(Path.of("/proc/" + pid + "/status")).contains("\nUid:\t" + uid + "\t")
                        && Files.readString(Path.of("/proc/" + pid + "/mountinfo")).contains(folder);
            } catch (IOException e) {
                return false;
            }
        }).toList();
    }

    /** Ids of this cluster's pool pilots that are pending or running. */
    private static List<String> pilots() throws Exception {
        return run("squeue", "--noheader", "--name=sandmle-pool", "--states=PENDING,RUNNING,CONFIGURING",
                "--format=%i").lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    private static void awaitPilots(int count, String why) throws Exception {
        for (int i = 0; i < 100 && pilots().size() != count; i++) {
            Thread.sleep(100);
        }
        assertEquals(count, pilots().size(), why);
    }

    private static String run(String... argv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("SLURM_CONF", SlurmCluster.slurmConf().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
