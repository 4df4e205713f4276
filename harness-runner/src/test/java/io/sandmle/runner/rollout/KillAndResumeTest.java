package io.sandmle.runner.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Task;
import io.sandmle.api.Trajectory;
import io.sandmle.api.codec.TaskJson;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a child JVM in the middle of an evaluation, then a resume in this JVM: the run ends
 * with every planned episode recorded exactly once, and the episodes finished before the kill untouched.
 */
class KillAndResumeTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final int PLANNED = 2 * 2 * 5; // scaffolds x seeds x tasks

    @TempDir
    Path dir;

    @Test
    void aKilledRunResumesWithNoEpisodeLostOrRepeated() throws Exception {
        Path tasks = fiveTasks();
        Path configFile = dir.resolve("eval.yaml");
        Files.writeString(configFile, EvalRunTest.config(tasks, dir.resolve("runs"), "killed"));
        ExperimentConfig config = ConfigLoader.load(configFile);

        Process child = new ProcessBuilder(JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("child-tmp")),
                "-cp", System.getProperty("java.class.path"), EvalChild.class.getName(), configFile.toString(), "150")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path episodes = config.runDir().resolve("episodes");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (trajectoryFiles(episodes) < 4 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "the child finished before it could be killed: " + Files.readString(
                dir.resolve("child.log")));
        child.destroyForcibly(); // SIGKILL on Linux
        child.waitFor();

        Map<String, Trajectory> before = new HashMap<>();
        try (RunStore store = RunStore.open(config.runDir())) {
            for (String id : store.finishedEpisodeIds()) {
                before.put(id, store.trajectory(id));
            }
        }
        assertTrue(before.size() >= 3 && before.size() < PLANNED, "killed mid-run: " + before.size());

        AtomicInteger ranOnResume = new AtomicInteger();
        Progress counting = new Progress() {
            @Override
            public void start(int total, int alreadyDone) {
                assertEquals(PLANNED, total);
                assertEquals(before.size(), alreadyDone);
            }

            @Override
            public void episodeDone(RolloutEngine.Outcome outcome) {
                ranOnResume.incrementAndGet();
                assertTrue(!before.containsKey(outcome.spec().episodeId()), "repeated " + outcome.spec().episodeId());
            }

            @Override
            public void finish() {
            }
        };
        try (RunStore store = RunStore.open(config.runDir())) {
            new EvalRun(config, Extensions.load(List.of())).run(store, EvalChild.slowStubs(0), counting);
            List<EpisodeRecord> all = store.episodes();
            Set<String> ids = all.stream().map(EpisodeRecord::episodeId).collect(Collectors.toSet());
            assertEquals(PLANNED, all.size(), "one record per planned episode");
            assertEquals(PLANNED, ids.size(), "no episode recorded twice");
            assertEquals(PLANNED - before.size(), ranOnResume.get());
            for (var e : before.entrySet()) {
                assertEquals(e.getValue(), store.trajectory(e.getKey()), "finished before the kill, kept as it was");
            }
        }
    }

    /** Five copies of the tiny task under different ids. */
    private Path fiveTasks() throws Exception {
        Path src = Path.of(getClass().getResource("/tasks/tiny-binary").toURI());
        Path root = Files.createDirectories(dir.resolve("tasks"));
        for (int i = 0; i < 5; i++) {
            Path dst = root.resolve("tiny-" + i);
            try (Stream<Path> files = Files.walk(src)) {
                for (Path p : files.toList()) {
                    Path target = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
            Task t = TaskJson.read(dst);
            TaskJson.write(dst, new Task(t.schemaVersion(), "tiny-" + i, t.title(), t.metric(), t.lowerIsBetter(),
                    t.thresholds(), t.modality(), t.taskType(), t.category(), t.attributes(), dst));
        }
        return root;
    }

    private static long trajectoryFiles(Path episodes) throws IOException {
        if (!Files.isDirectory(episodes)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(episodes, 2)) {
            return s.filter(p -> p.getFileName().toString().equals("trajectory.jsonl")).count();
        }
    }
}
