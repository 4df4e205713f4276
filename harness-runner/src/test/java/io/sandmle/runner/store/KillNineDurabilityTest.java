package io.sandmle.runner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that is appending to a run store with SIGKILL at random instants, many times over one
 * store, and checks after each kill that the store opens and holds every record whose append returned.
 * Most kills land while appends are in flight; some land while the store is still opening or recovering.
 */
class KillNineDurabilityTest {

    private static final int ITERATIONS = Integer.getInteger("sandmle.killTest.iterations", 50);
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedAppendSurvivesKillNine() throws Exception {
        Path run = tmp.resolve("run");
        Random random = new Random(20260101L);
        Set<String> acknowledged = new HashSet<>();
        long started = System.nanoTime();
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            boolean duringOpen = iteration % 5 == 4;
            List<String> acknowledgedNow = runAndKill(run, "i" + iteration, duringOpen, random.nextInt(200));
            acknowledged.addAll(acknowledgedNow);
            try (RunStore store = RunStore.open(run)) {
                Set<String> present = store.finishedEpisodeIds();
                Set<String> missing = new HashSet<>(acknowledged);
                missing.removeAll(present);
                assertTrue(missing.isEmpty(), "iteration " + iteration + " lost acknowledged episodes " + missing);
                assertEquals(present.size(), store.episodes().size());
                // Earlier lives' trajectories were read back in earlier iterations and are never rewritten.
                for (String id : acknowledgedNow) {
                    assertEquals(id, store.trajectory(id).episodeId());
                }
            }
        }
        System.out.printf("kill -9 durability: %d kills, %d acknowledged appends, all present, %.1f s%n",
                ITERATIONS, acknowledged.size(), (System.nanoTime() - started) / 1e9);
    }

    /** Starts an appending child, kills it -9 after {@code delayMillis}, returns the ids it acknowledged. */
    private List<String> runAndKill(Path run, String prefix, boolean duringOpen, int delayMillis) throws Exception {
        Path childTmp = Files.createDirectories(tmp.resolve("child-tmp"));
        // Start-up flags only: a killed JVM also leaves no hsperfdata file behind with -UsePerfData.
        Process child = new ProcessBuilder(JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                // DuckDB unpacks its native library to java.io.tmpdir and a killed JVM cannot delete it.
                "-Djava.io.tmpdir=" + childTmp, "-cp", System.getProperty("java.class.path"),
                AppendLoop.class.getName(), run.toString(), prefix)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acks = new CopyOnWriteArrayList<>();
        CountDownLatch firstAck = new CountDownLatch(1);
        Thread reader = new Thread(() -> readAcks(child, acks, firstAck));
        reader.start();
        if (!duringOpen) {
            assertTrue(firstAck.await(60, TimeUnit.SECONDS), "the child never acknowledged an append");
        }
        Thread.sleep(duringOpen ? 300 + delayMillis : delayMillis);
        child.destroyForcibly(); // SIGKILL on Linux
        child.waitFor();
        reader.join();
        return acks;
    }

    private static void readAcks(Process child, List<String> acks, CountDownLatch firstAck) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                // A line cut by the kill lacks the trailing " ok" and is not an acknowledgement.
                if (line.startsWith("ack ") && line.endsWith(" ok")) {
                    acks.add(line.substring(4, line.length() - 3));
                    firstAck.countDown();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
