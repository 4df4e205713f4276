package io.sandmle.cli.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/** The embedded DuckDB the run store indexes with: its native library loads and a file database works. */
final class DatabaseCheck implements Check {

    @Override
    public List<Finding> run(Machine machine) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sandmle-doctor");
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("probe.duckdb"));
                 Statement s = db.createStatement()) {
                s.execute("CREATE TABLE probe (x INTEGER)");
                s.execute("INSERT INTO probe VALUES (42)");
                try (ResultSet rows = s.executeQuery("SELECT x, version() FROM probe")) {
                    rows.next();
                    return List.of(Finding.ok("database", "DuckDB " + rows.getString(2) + " reads and writes in "
                            + dir.getParent()));
                }
            }
        } catch (SQLException | IOException | LinkageError e) {
            return List.of(Finding.problem(true, "database", "DuckDB does not work here: " + e.getMessage(),
                    "make the temp folder writable and executable (java.io.tmpdir=" + System.getProperty("java.io.tmpdir")
                            + "), or set SANDMLE_JAVA_OPTS=-Djava.io.tmpdir=<a writable folder>"));
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover probe in the temp folder is harmless
        }
    }
}
