package io.sandmle.runner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.ResourceUse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each episode's resource use is kept with it, and a store written before resource accounting is brought up to date. */
class ResourceColumnsTest {

    @TempDir
    Path dir;

    @Test
    void anEpisodesResourceUseIsStoredInItsRowAndRecord() throws Exception {
        EpisodeRecord plain = StoreSamples.record("ep-1", 0.8);
        EpisodeRecord measured = withResources(StoreSamples.record("ep-2", 0.9), new ResourceUse(2_500, 3L << 30, 42.5));
        try (RunStore store = RunStore.open(dir)) {
            store.append(plain, StoreSamples.trajectory("ep-1"));
            store.append(measured, StoreSamples.trajectory("ep-2"));
            assertEquals(new ResourceUse(2_500, 3L << 30, 42.5), store.episodes().get(1).resources());
            assertNull(store.episodes().get(0).resources());
        }
        assertEquals(List.of("ep-1 null null null", "ep-2 2.5 3221225472 42.5"), rows(dir));
    }

    @Test
    void aVersionOneStoreGetsTheColumnsAndKeepsItsEpisodes() throws Exception {
        Files.createDirectories(dir.resolve("episodes"));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(RunStore.DATABASE));
             Statement s = db.createStatement()) {
            // The version 1 schema as it was written, with one episode in it.
            s.execute("CREATE TABLE store_info (key VARCHAR PRIMARY KEY, value VARCHAR)");
            s.execute("INSERT INTO store_info VALUES ('schema_version', '1')");
            s.execute("CREATE SEQUENCE episode_order");
            s.execute("CREATE TABLE episodes (seq BIGINT DEFAULT nextval('episode_order'), episode_id VARCHAR PRIMARY KEY, "
                    + "run_id VARCHAR, system VARCHAR, suite VARCHAR, task_id VARCHAR, category VARCHAR, seed BIGINT, "
                    + "valid BOOLEAN, score DOUBLE, medal VARCHAR, above_median BOOLEAN, human_rank DOUBLE, reward DOUBLE, "
                    + "end_reason VARCHAR, wall_millis BIGINT, turns INTEGER, committed_at TIMESTAMP DEFAULT "
                    + "current_timestamp, record_json VARCHAR)");
            s.execute("INSERT INTO episodes (episode_id, record_json) VALUES ('old', '{\"schemaVersion\":1,\"runId\":"
                    + "\"run-1\",\"episodeId\":\"old\",\"system\":\"s\",\"suite\":\"x\",\"taskId\":\"t\",\"category\":"
                    + "\"c\",\"seed\":0,\"grade\":null,\"reward\":0.0,\"endReason\":\"answered\",\"wallMillis\":5,"
                    + "\"turns\":1}')");
        }
        Files.createDirectories(dir.resolve("episodes/old"));
        try (RunStore store = RunStore.open(dir)) {
            assertEquals("old", store.episodes().get(0).episodeId());
            assertNull(store.episodes().get(0).resources(), "an old record has no resource use");
            store.append(withResources(StoreSamples.record("new", 0.5), new ResourceUse(1_000, 1024, null)),
                    StoreSamples.trajectory("new"));
        }
        assertEquals(List.of("old null null null", "new 1.0 1024 null"), rows(dir));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(RunStore.DATABASE));
             Statement s = db.createStatement();
             ResultSet version = s.executeQuery("SELECT value FROM store_info WHERE key = 'schema_version'")) {
            version.next();
            assertEquals("2", version.getString(1));
        }
    }

    private static EpisodeRecord withResources(EpisodeRecord r, ResourceUse used) {
        return new EpisodeRecord(r.schemaVersion(), r.runId(), r.episodeId(), r.system(), r.suite(), r.taskId(),
                r.category(), r.seed(), r.grade(), r.reward(), r.endReason(), r.wallMillis(), r.turns(), used);
    }

    private static List<String> rows(Path dir) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(RunStore.DATABASE));
             Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT episode_id, cpu_seconds, peak_memory_bytes, gpu_seconds FROM episodes "
                     + "ORDER BY seq")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getObject(2) + " " + r.getObject(3) + " " + r.getObject(4));
            }
        }
        return rows;
    }
}
