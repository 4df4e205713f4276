package io.sandmle.runner.store;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Grade;
import io.sandmle.api.ResourceUse;
import io.sandmle.api.Trajectory;
import io.sandmle.api.codec.TrajectoryJsonLines;
import io.sandmle.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One run folder: {@code config.yaml}, {@code run.duckdb} (the index), {@code episodes/<id>/} and
 * {@code report/}.
 *
 * <p>Crash safety rests on one ordering: {@link #append} first writes and fsyncs the episode's
 * {@code trajectory.jsonl} ({@link #adopt}: the whole copied episode folder), then inserts the episode's row in DuckDB, whose commit (an fsynced
 * write-ahead log) is the commit point. An episode folder without a row is therefore unfinished;
 * {@link #open} moves such folders to {@code attempts/} (never deletes them) so a resumed run can
 * redo the episode under the same id. Methods are synchronized: parallel episodes may share a store.
 * A reader that must not change the folder (a report) uses {@link RunSnapshot} instead.
 */
public final class RunStore implements AutoCloseable {

    /** The index database's file name in the run folder. */
    public static final String DATABASE = "run.duckdb";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._=+-]{0,199}");
    /** Run folders open in this JVM: DuckDB's file lock only keeps out other processes. */
    private static final Set<Path> OPEN_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final Connection db;
    private final Set<String> finished;
    private final List<Path> movedAside;

    private RunStore(Path dir, Connection db) throws SQLException, IOException {
        this.dir = dir;
        this.db = db;
        StoreSchema.create(db);
        this.finished = new HashSet<>(queryFinishedIds());
        this.movedAside = moveUnfinishedAside();
    }

    /** Opens the run folder {@code runDir}, creating it when missing, and recovers from an earlier crash. */
    public static RunStore open(Path runDir) {
        Path dir = runDir.toAbsolutePath().normalize();
        if (!OPEN_IN_THIS_JVM.add(dir)) {
            throw new IllegalStateException("Cannot open the run store in " + dir
                    + ": it is already open in this process; share the open RunStore instead.");
        }
        Connection db = null;
        try {
            Files.createDirectories(dir.resolve("episodes"));
            db = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(DATABASE));
            return new RunStore(dir, db);
        } catch (SQLException | IOException e) {
            closeQuietly(db);
            OPEN_IN_THIS_JVM.remove(dir);
            throw new IllegalStateException("Cannot open the run store in " + dir + ": " + firstLine(e), e);
        }
    }

    /** Whether this process has the run folder {@code runDir} open. */
    static boolean isOpenInThisProcess(Path runDir) {
        return OPEN_IN_THIS_JVM.contains(runDir.toAbsolutePath().normalize());
    }

    /** The run folder. */
    public Path dir() {
        return dir;
    }

    /** The folder of one episode (it may not exist yet); executors write code steps and outputs there. */
    public Path episodeDir(String episodeId) {
        return dir.resolve("episodes").resolve(checkId(episodeId));
    }

    /** Where reports of this run are written. */
    public Path reportDir() {
        return dir.resolve("report");
    }

    /** Folders of unfinished episodes that {@link #open} moved to {@code attempts/}. */
    public List<Path> movedAside() {
        return movedAside;
    }

    /**
     * Records one finished episode. Returns only once both the trajectory file and the index row are on
     * disk; an episode id can be recorded once.
     *
     * @throws IllegalArgumentException when the id is unsafe as a folder name, already recorded, or differs
     *                                  between the record and the trajectory
     */
    public synchronized void append(EpisodeRecord record, Trajectory trajectory) {
        String id = checkId(record.episodeId());
        if (!id.equals(trajectory.episodeId())) {
            throw new IllegalArgumentException("Episode record '" + id + "' comes with the trajectory of episode '"
                    + trajectory.episodeId() + "'; pass the trajectory of the same episode.");
        }
        if (finished.contains(id)) {
            throw new IllegalArgumentException("Episode '" + id + "' is already recorded in " + dir
                    + "; give each episode a unique id.");
        }
        try {
            DurableFiles.writeAtomically(episodeDir(id).resolve(TrajectoryJsonLines.FILE_NAME),
                    TrajectoryJsonLines.encode(trajectory));
            DurableFiles.forceFolder(episodeDir(id).getParent());
            insertEpisode(record);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write episode " + id + " in " + dir + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot index episode " + id + " in " + dir + ": " + firstLine(e), e);
        }
        finished.add(id);
    }

    /**
     * Records one finished episode of another run folder (a shard's, when shards are merged): copies its whole
     * episode folder {@code episodeFolder} (trajectory, code steps, outputs) here and forces it to disk, then inserts
     * its row, the commit point, exactly as {@link #append} orders it. A copy cut short by a crash has no row, so the
     * next {@link #open} moves it aside and the episode can be adopted again.
     *
     * @throws IllegalArgumentException when the id is unsafe or already recorded, or the folder has no trajectory
     */
    public synchronized void adopt(EpisodeRecord record, Path episodeFolder) {
        String id = checkId(record.episodeId());
        if (finished.contains(id)) {
            throw new IllegalArgumentException("Episode '" + id + "' is already recorded in " + dir
                    + "; give each episode a unique id.");
        }
        if (!Files.isRegularFile(episodeFolder.resolve(TrajectoryJsonLines.FILE_NAME))) {
            throw new IllegalArgumentException("Episode folder " + episodeFolder + " has no "
                    + TrajectoryJsonLines.FILE_NAME + "; only a recorded episode can be adopted.");
        }
        try {
            DurableFiles.copyTree(episodeFolder, episodeDir(id));
            insertEpisode(record);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy episode " + id + " into " + dir + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot index episode " + id + " in " + dir + ": " + firstLine(e), e);
        }
        finished.add(id);
    }

    /** Every recorded episode, in the order they were appended. */
    public synchronized List<EpisodeRecord> episodes() {
        List<EpisodeRecord> all = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rows = s.executeQuery("SELECT record_json FROM episodes ORDER BY seq")) {
            while (rows.next()) {
                all.add(Json.MAPPER.readValue(rows.getString(1), EpisodeRecord.class));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot read episodes of " + dir + ": " + firstLine(e), e);
        }
        return all;
    }

    /** Ids of recorded episodes: a resumed run skips exactly these. */
    public synchronized Set<String> finishedEpisodeIds() {
        return Collections.unmodifiableSet(new HashSet<>(finished));
    }

    /** The trajectory of a recorded episode. */
    public Trajectory trajectory(String episodeId) {
        Path file = episodeDir(episodeId).resolve(TrajectoryJsonLines.FILE_NAME);
        try {
            return TrajectoryJsonLines.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records one learning-curve point durably. */
    public synchronized void appendCurve(CurvePoint p) {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO curves (run_id, system, step, metric, value) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, p.runId());
            insert.setString(2, p.system());
            insert.setInt(3, p.step());
            insert.setString(4, p.metric());
            insert.setDouble(5, p.value());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a curve point in " + dir + ": " + firstLine(e), e);
        }
    }

    /** Every learning-curve point, in the order they were appended. */
    public synchronized List<CurvePoint> curves() {
        List<CurvePoint> all = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rows = s.executeQuery("SELECT run_id, system, step, metric, value FROM curves ORDER BY seq")) {
            while (rows.next()) {
                all.add(new CurvePoint(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getString(4),
                        rows.getDouble(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read curves of " + dir + ": " + firstLine(e), e);
        }
        return all;
    }

    /**
     * Writes {@code episodes.parquet} and {@code curves.parquet} (one flat row per episode or point) into
     * {@code folder}, for trainers and notebooks.
     *
     * @return the two files written
     */
    public synchronized List<Path> exportParquet(Path folder) {
        try {
            Files.createDirectories(folder);
            List<Path> written = new ArrayList<>();
            for (String table : StoreSchema.TABLES) {
                Path file = folder.toAbsolutePath().resolve(table + ".parquet");
                try (Statement s = db.createStatement()) {
                    s.execute("COPY (SELECT * FROM " + table + " ORDER BY seq) TO '"
                            + file.toString().replace("'", "''") + "' (FORMAT parquet)");
                }
                written.add(file);
            }
            return written;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot export " + dir + " to Parquet in " + folder + ": "
                    + firstLine(e), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the run store in " + dir + ": " + firstLine(e), e);
        } finally {
            OPEN_IN_THIS_JVM.remove(dir);
        }
    }

    private void insertEpisode(EpisodeRecord r) throws SQLException, IOException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO episodes (episode_id, run_id, system, "
                + "suite, task_id, category, seed, valid, score, medal, above_median, human_rank, reward, end_reason, "
                + "wall_millis, turns, record_json, cpu_seconds, peak_memory_bytes, gpu_seconds) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Grade g = r.grade();
            ResourceUse used = r.resources();
            insert.setString(1, r.episodeId());
            insert.setString(2, r.runId());
            insert.setString(3, r.system());
            insert.setString(4, r.suite());
            insert.setString(5, r.taskId());
            insert.setString(6, r.category());
            insert.setLong(7, r.seed());
            insert.setBoolean(8, g != null && g.valid());
            setNullableDouble(insert, 9, g == null ? null : g.score());
            insert.setString(10, g == null || g.medal() == null ? null : g.medal().name().toLowerCase());
            insert.setBoolean(11, g != null && g.aboveMedian());
            setNullableDouble(insert, 12, g == null ? null : g.humanRank());
            insert.setDouble(13, r.reward());
            insert.setString(14, r.endReason());
            insert.setLong(15, r.wallMillis());
            insert.setInt(16, r.turns());
            insert.setString(17, Json.MAPPER.writeValueAsString(r));
            setNullableDouble(insert, 18, used == null ? null : used.cpuMillis() / 1000.0);
            if (used == null) {
                insert.setNull(19, Types.BIGINT);
            } else {
                insert.setLong(19, used.peakMemoryBytes());
            }
            setNullableDouble(insert, 20, used == null ? null : used.gpuSeconds());
            insert.executeUpdate();
        }
    }

    private static void setNullableDouble(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, value);
        }
    }

    private List<String> queryFinishedIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery("SELECT episode_id FROM episodes")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** Moves every episode folder without an index row to {@code attempts/<id>.<n>}. */
    private List<Path> moveUnfinishedAside() throws IOException {
        List<Path> unfinished;
        try (Stream<Path> folders = Files.list(dir.resolve("episodes"))) {
            unfinished = folders.filter(p -> !finished.contains(p.getFileName().toString())).sorted().toList();
        }
        List<Path> moved = new ArrayList<>();
        for (Path folder : unfinished) {
            Path attempts = Files.createDirectories(dir.resolve("attempts"));
            int n = 1;
            while (Files.exists(attempts.resolve(folder.getFileName() + "." + n))) {
                n++;
            }
            moved.add(Files.move(folder, attempts.resolve(folder.getFileName() + "." + n)));
        }
        if (!moved.isEmpty()) {
            DurableFiles.forceFolder(dir.resolve("episodes"));
        }
        return List.copyOf(moved);
    }

    private static String checkId(String episodeId) {
        if (episodeId == null || !SAFE_ID.matcher(episodeId).matches()) {
            throw new IllegalArgumentException("Episode id '" + episodeId + "' is not usable as a folder name; use "
                    + "letters, digits and . _ = + - (at most 200 characters, not starting with a dot).");
        }
        return episodeId;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // already failing; the caller reports the original error
            }
        }
    }
}
