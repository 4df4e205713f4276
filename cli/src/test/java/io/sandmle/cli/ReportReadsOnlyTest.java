package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.cli.bench.SyntheticEpisodes;
import io.sandmle.runner.store.RunStore;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sandmle report} only reads: a run another process is writing, and a finished run left byte for byte. */
class ReportReadsOnlyTest {

    @TempDir
    Path work;

    @BeforeEach
    void fewReplicates() {
        System.setProperty("sandmle.report.reps", "200");
    }

    @AfterEach
    void restore() {
        System.clearProperty("sandmle.report.reps");
    }

    @Test
    void aRunBeingWrittenByAnotherProcessIsReportedAsPartial() throws Exception {
        Path run = work.resolve("runs/live");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + work, "-cp", System.getProperty("java.class.path"), HoldRunOpen.class.getName(),
                run.toString(), "10").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("holding", out.readLine(), "the writer holds the run open");
            Path report = work.resolve("report");
            String[] printed = report(run, report);
            assertEquals("0", printed[0], printed[1]);
            assertTrue(printed[1].contains("Partial results: run " + run + " was still being written"), printed[1]);
            String html = Files.readString(report.resolve("index.html"));
            assertTrue(html.contains("Partial report.") && html.contains("Partial results: run"), "marked partial");
            assertTrue(html.contains("10 episodes"), "every episode the writer had recorded is in the snapshot");
            assertTrue(writer.isAlive(), "the writer is untouched");
        } finally {
            writer.getOutputStream().close();
            writer.waitFor();
        }
    }

    @Test
    void aFinishedRunIsLeftByteForByte() throws Exception {
        Path run = work.resolve("runs/done");
        List<EpisodeRecord> episodes = SyntheticEpisodes.generate(2, 6, 2, 5);
        try (RunStore store = RunStore.open(run)) {
            for (EpisodeRecord e : episodes) {
                store.append(e, HoldRunOpen.trajectoryOf(e));
            }
        }
        // An episode killed before it was recorded: a resumed run moves it aside, a report must not.
        Files.createDirectories(run.resolve("episodes/killed.s0"));
        Files.writeString(run.resolve("episodes/killed.s0/trajectory.jsonl.tmp"), "{\"half\":");
        Map<String, String> before = hashes(run);
        String[] printed = report(run, work.resolve("report"));
        assertEquals("0", printed[0], printed[1]);
        assertFalse(printed[1].contains("Partial"), "a finished run is complete: " + printed[1]);
        assertEquals(before, hashes(run), "the run folder is byte-identical after the report");
        assertTrue(Files.readString(work.resolve("report/index.html")).contains(episodes.size() + " episodes"));
    }

    /** Runs {@code sandmle report} in this process; returns its exit code and what it printed on stderr. */
    private static String[] report(Path run, Path out) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CliRun r = CliRun.of("report", run.toString(), "--out", out.toString());
            return new String[] {String.valueOf(r.exitCode()), r.err() + err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(oldErr);
        }
    }

    /** SHA-256 of every file under {@code dir} by relative path, folders included (as empty entries). */
    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                String name = dir.relativize(p).toString();
                all.put(name, Files.isDirectory(p) ? "folder" : HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return all;
    }
}
