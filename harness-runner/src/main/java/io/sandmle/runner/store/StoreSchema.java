package io.sandmle.runner.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables of {@code run.duckdb}. Episode rows keep the full record as JSON (what {@link RunStore}
 * reads back) plus flat columns for SQL and Parquet readers; {@code seq} keeps append order.
 *
 * <p>Columns added after version 1 come last, both in a new store's table and when {@link #migrate} adds them to an
 * old store, so every store has the same columns in the same order and rows copy between stores of any age.
 */
final class StoreSchema {

    /** Schema version of the index, stored in {@code store_info}. */
    static final int VERSION = 2;
    /** Version 2: what each episode's code used (cpu-seconds, peak memory, GPU-seconds; null when unmeasured). */
    private static final List<String> RESOURCE_COLUMNS = List.of("cpu_seconds DOUBLE", "peak_memory_bytes BIGINT",
            "gpu_seconds DOUBLE");
    /** The tables exported to Parquet. */
    static final List<String> TABLES = List.of("episodes", "curves");

    private StoreSchema() {
    }

    static void create(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS store_info (key VARCHAR PRIMARY KEY, value VARCHAR)");
            s.execute("INSERT OR IGNORE INTO store_info VALUES ('schema_version', '" + VERSION + "')");
            s.execute("CREATE SEQUENCE IF NOT EXISTS episode_order");
            s.execute("CREATE TABLE IF NOT EXISTS episodes ("
                    + "seq BIGINT DEFAULT nextval('episode_order'), episode_id VARCHAR PRIMARY KEY, run_id VARCHAR, "
                    + "system VARCHAR, suite VARCHAR, task_id VARCHAR, category VARCHAR, seed BIGINT, valid BOOLEAN, "
                    + "score DOUBLE, medal VARCHAR, above_median BOOLEAN, human_rank DOUBLE, reward DOUBLE, "
                    + "end_reason VARCHAR, wall_millis BIGINT, turns INTEGER, "
                    + "committed_at TIMESTAMP DEFAULT current_timestamp, record_json VARCHAR, "
                    + String.join(", ", RESOURCE_COLUMNS) + ")");
            s.execute("CREATE SEQUENCE IF NOT EXISTS curve_order");
            s.execute("CREATE TABLE IF NOT EXISTS curves (seq BIGINT DEFAULT nextval('curve_order'), "
                    + "run_id VARCHAR, system VARCHAR, step INTEGER, metric VARCHAR, value DOUBLE)");
        }
        migrate(db);
    }

    /** Brings a store of an earlier version to {@link #VERSION}; a current store is not written to. */
    private static void migrate(Connection db) throws SQLException {
        Set<String> present = new HashSet<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns "
                     + "WHERE table_name = 'episodes'")) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        List<String> missing = RESOURCE_COLUMNS.stream().filter(c -> !present.contains(c.split(" ")[0])).toList();
        if (missing.isEmpty()) {
            return;
        }
        try (Statement s = db.createStatement()) {
            for (String column : missing) {
                s.execute("ALTER TABLE episodes ADD COLUMN " + column);
            }
            s.execute("UPDATE store_info SET value = '" + VERSION + "' WHERE key = 'schema_version'");
            // DuckDB cannot replay an ALTER TABLE from the write-ahead log of a copied store (RunSnapshot copies a
            // live store's files), so the change goes into the database file at once.
            s.execute("CHECKPOINT");
        }
    }
}
