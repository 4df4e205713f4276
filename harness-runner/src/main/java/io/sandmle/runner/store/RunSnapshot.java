package io.sandmle.runner.store;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.EpisodeRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a run folder has recorded, read without changing it: for reports, which may look at a run that another
 * process is still writing.
 *
 * <p>DuckDB lets no second process open a database a writer holds, not even read-only, and opening it read-write
 * would run {@link RunStore#open}'s recovery (moving unfinished episode folders aside). So the snapshot copies
 * {@code run.duckdb} and its write-ahead log into a temporary folder and reads the copy. The copy is consistent
 * because of {@link RunStore}'s write ordering: an episode's row is committed (fsynced to the log) only after its
 * trajectory file is complete, so every row in any copy DuckDB can open points at a finished episode, and rows
 * still to come are simply absent. The copy must not be torn, though: without a writer the copy is taken under a
 * shared lock (no writer can start meanwhile); with one, the two files are copied until neither changed (size and
 * modification time) while being copied, which leaves the state a {@code kill -9} of the writer at that instant
 * would have left, a state the store recovers from (KillNineDurabilityTest), and the copy must open.
 *
 * @param episodes  every episode whose row was committed, in append order
 * @param curves    every learning-curve point committed
 * @param beingWritten whether another process held the run open for writing, i.e. the run may still grow
 */
public record RunSnapshot(List<EpisodeRecord> episodes, List<CurvePoint> curves, boolean beingWritten) {

    private static final int ATTEMPTS = 50;

    public RunSnapshot {
        episodes = List.copyOf(episodes);
        curves = List.copyOf(curves);
    }

    /**
     * Reads the run folder {@code runDir} without writing anything in it.
     *
     * @throws IllegalArgumentException when it is no run folder
     * @throws IllegalStateException    when no consistent copy could be taken while a writer kept changing it
     */
    public static RunSnapshot read(Path runDir) {
        Path dir = runDir.toAbsolutePath().normalize();
        Path database = dir.resolve(RunStore.DATABASE);
        if (!Files.isRegularFile(database)) {
            throw new IllegalArgumentException("Run '" + runDir + "' is not a run folder (no " + RunStore.DATABASE
                    + "); pass a run folder (runs/<run-id>) or a .jsonl file of episode records.");
        }
        if (RunStore.isOpenInThisProcess(dir)) {
            // A lock probe here would drop DuckDB's own lock (POSIX locks belong to the process, not the descriptor).
            throw new IllegalStateException("Run " + dir + " is open in this process; read it through its RunStore.");
        }
        Path temp = null;
        try {
            temp = Files.createTempDirectory("sandmle-snapshot-");
            boolean beingWritten = !copyUnderSharedLock(database, temp);
            if (beingWritten) {
                copyWhileWritten(database, temp);
            }
            try (RunStore copy = RunStore.open(temp)) { // recovery, if any, touches only the copy
                return new RunSnapshot(copy.episodes(), copy.curves(), beingWritten);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot take a snapshot of " + dir + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Copies the database under a shared lock; false when a writer holds it (nothing is copied then). */
    private static boolean copyUnderSharedLock(Path database, Path into) throws IOException {
        try (FileChannel channel = FileChannel.open(database, StandardOpenOption.READ);
             FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true)) {
            if (lock == null) {
                return false;
            }
            copyFiles(database, into);
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    /** Copies until a copy was taken while neither file changed and DuckDB opens it. */
    private static void copyWhileWritten(Path database, Path into) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<Object> before = states(database);
            copyFiles(database, into);
            if (before.equals(states(database)) && opens(into)) {
                return;
            }
            try {
                Thread.sleep(20L + 10L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("Cannot take a consistent snapshot of " + database.getParent() + ": its "
                + "writer kept changing it for " + ATTEMPTS + " attempts; try again in a moment.");
    }

    private static void copyFiles(Path database, Path into) throws IOException {
        Files.copy(database, into.resolve(RunStore.DATABASE), StandardCopyOption.REPLACE_EXISTING);
        Path wal = wal(database);
        Path walCopy = wal(into.resolve(RunStore.DATABASE));
        if (Files.exists(wal)) {
            Files.copy(wal, walCopy, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(walCopy);
        }
    }

    /** Size and modification time of the database and its log (absent: null). */
    private static List<Object> states(Path database) throws IOException {
        return List.of(state(database), Objects.requireNonNullElse(state(wal(database)), "no log"));
    }

    private static Object state(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return List.of(a.size(), a.lastModifiedTime());
    }

    private static boolean opens(Path copyDir) {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + copyDir.resolve(RunStore.DATABASE))) {
            return db.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Path wal(Path database) {
        return database.resolveSibling(database.getFileName() + ".wal");
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
