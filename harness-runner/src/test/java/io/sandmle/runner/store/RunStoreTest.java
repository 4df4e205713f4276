package io.sandmle.runner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.EpisodeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    @TempDir
    Path tmp;

    @Test
    void appendedEpisodesAndCurvesSurviveReopening() {
        Path run = tmp.resolve("runs/r1");
        try (RunStore store = RunStore.open(run)) {
            store.append(StoreSamples.record("e1", 0.75), StoreSamples.trajectory("e1"));
            store.append(StoreSamples.record("e2", 0.5), StoreSamples.trajectory("e2"));
            store.appendCurve(new CurvePoint("run-1", "embedded", 1, "reward", 0.25));
            store.appendCurve(new CurvePoint("run-1", "embedded", 2, "reward", 0.5));
        }
        try (RunStore store = RunStore.open(run)) {
            assertEquals(List.of(StoreSamples.record("e1", 0.75), StoreSamples.record("e2", 0.5)), store.episodes());
            assertEquals(Set.of("e1", "e2"), store.finishedEpisodeIds());
            assertEquals(StoreSamples.trajectory("e2"), store.trajectory("e2"));
            assertEquals(List.of(new CurvePoint("run-1", "embedded", 1, "reward", 0.25),
                    new CurvePoint("run-1", "embedded", 2, "reward", 0.5)), store.curves());
            assertTrue(store.movedAside().isEmpty());
        }
        assertTrue(Files.isRegularFile(run.resolve("run.duckdb")));
        assertTrue(Files.isRegularFile(run.resolve("episodes/e1/trajectory.jsonl")));
    }

    @Test
    void trajectoryFileHasAHeaderLineThenOneLinePerTurn() throws Exception {
        try (RunStore store = RunStore.open(tmp)) {
            store.append(StoreSamples.record("e1", 0.75), StoreSamples.trajectory("e1"));
        }
        List<String> lines = Files.readAllLines(tmp.resolve("episodes/e1/trajectory.jsonl"));
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).contains("\"turns\":[]"), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"index\":0"), lines.get(1));
    }

    @Test
    void anEpisodeFolderWithoutIndexRowIsMovedAsideNotLost() throws Exception {
        try (RunStore store = RunStore.open(tmp)) {
            store.append(StoreSamples.record("done", 1), StoreSamples.trajectory("done"));
        }
        Path half = Files.createDirectories(tmp.resolve("episodes/half"));
        Files.writeString(half.resolve("step-1.py"), "print(1)");
        try (RunStore store = RunStore.open(tmp)) {
            assertEquals(Set.of("done"), store.finishedEpisodeIds());
            assertEquals(List.of(tmp.resolve("attempts/half.1")), store.movedAside());
        }
        Files.createDirectories(tmp.resolve("episodes/half"));
        try (RunStore store = RunStore.open(tmp)) {
            assertEquals(List.of(tmp.resolve("attempts/half.2")), store.movedAside());
            store.append(StoreSamples.record("half", 0.1), StoreSamples.trajectory("half"));
        }
        assertEquals("print(1)", Files.readString(tmp.resolve("attempts/half.1/step-1.py")));
        assertTrue(Files.isRegularFile(tmp.resolve("episodes/half/trajectory.jsonl")));
    }

    @Test
    void aRecordedEpisodeCannotBeOverwritten() throws Exception {
        try (RunStore store = RunStore.open(tmp)) {
            store.append(StoreSamples.record("e1", 0.75), StoreSamples.trajectory("e1"));
            byte[] before = Files.readAllBytes(tmp.resolve("episodes/e1/trajectory.jsonl"));
            var e = assertThrows(IllegalArgumentException.class,
                    () -> store.append(StoreSamples.record("e1", 0.1), StoreSamples.trajectory("e1")));
            assertTrue(e.getMessage().contains("already recorded"), e.getMessage());
            assertEquals(List.of(StoreSamples.record("e1", 0.75)), store.episodes());
            assertEquals(new String(before), Files.readString(tmp.resolve("episodes/e1/trajectory.jsonl")));
        }
    }

    @Test
    void episodeIdsThatEscapeTheFolderAreRefused() {
        try (RunStore store = RunStore.open(tmp)) {
            EpisodeRecord evil = StoreSamples.record("../../etc", 0);
            var e = assertThrows(IllegalArgumentException.class,
                    () -> store.append(evil, StoreSamples.trajectory("../../etc")));
            assertTrue(e.getMessage().contains("not usable as a folder name"), e.getMessage());
        }
    }

    @Test
    void aRecordAndATrajectoryOfDifferentEpisodesAreRefused() {
        try (RunStore store = RunStore.open(tmp)) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> store.append(StoreSamples.record("e1", 0), StoreSamples.trajectory("e2")));
            assertTrue(e.getMessage().contains("trajectory of episode 'e2'"), e.getMessage());
            assertTrue(store.finishedEpisodeIds().isEmpty());
        }
    }

    @Test
    void aSecondWriterIsRefusedWithOneSentence() {
        try (RunStore store = RunStore.open(tmp)) {
            var e = assertThrows(IllegalStateException.class, () -> RunStore.open(tmp).close());
            assertTrue(e.getMessage().startsWith("Cannot open the run store in " + tmp), e.getMessage());
        }
    }

    @Test
    void parallelEpisodesCanShareOneStore() throws Exception {
        try (RunStore store = RunStore.open(tmp)) {
            List<Thread> workers = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String prefix = "t" + t + "-";
                Thread worker = new Thread(() -> {
                    for (int i = 0; i < 10; i++) {
                        store.append(StoreSamples.record(prefix + i, i), StoreSamples.trajectory(prefix + i));
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
        }
        try (RunStore store = RunStore.open(tmp)) {
            assertEquals(40, store.finishedEpisodeIds().size());
            assertEquals(40, store.episodes().size());
            assertTrue(store.movedAside().isEmpty());
        }
    }

    @Test
    void exportsEpisodesAndCurvesToParquet() throws Exception {
        List<Path> files;
        try (RunStore store = RunStore.open(tmp.resolve("run"))) {
            store.append(StoreSamples.record("e1", 0.75), StoreSamples.trajectory("e1"));
            store.append(StoreSamples.record("e2", 0.25), StoreSamples.trajectory("e2"));
            store.appendCurve(new CurvePoint("run-1", "embedded", 1, "reward", 0.5));
            files = store.exportParquet(tmp.resolve("export"));
        }
        assertEquals(List.of(tmp.resolve("export/episodes.parquet"), tmp.resolve("export/curves.parquet")), files);
        try (var db = DriverManager.getConnection("jdbc:duckdb:");
             var s = db.createStatement();
             ResultSet rows = s.executeQuery("SELECT episode_id, score, medal FROM read_parquet('"
                     + files.get(0) + "') ORDER BY seq")) {
            assertTrue(rows.next());
            assertEquals("e1", rows.getString(1));
            assertEquals(0.75, rows.getDouble(2));
            assertEquals("bronze", rows.getString(3));
            assertTrue(rows.next());
            assertEquals("e2", rows.getString(1));
        }
    }
}
