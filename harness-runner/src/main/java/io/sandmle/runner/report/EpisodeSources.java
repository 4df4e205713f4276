package io.sandmle.runner.report;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.runner.store.RunSnapshot;
import io.sandmle.support.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads episodes and learning-curve points for {@code sandmle report}: JSON-lines files of
 * {@link EpisodeRecord}s or {@link CurvePoint}s, and run folders (read through {@link RunSnapshot}, which changes
 * nothing in them). Unreadable lines are skipped and counted, never fatal, so one bad line cannot cost the rest of a
 * run's results.
 */
public final class EpisodeSources {

    /** Episodes read so far and sentences about anything skipped. */
    private final List<EpisodeRecord> episodes = new ArrayList<>();
    private final List<CurvePoint> curves = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Path> stillRunning = new ArrayList<>();

    public List<EpisodeRecord> episodes() {
        return episodes;
    }

    public List<CurvePoint> curves() {
        return curves;
    }

    public List<String> warnings() {
        return warnings;
    }

    /**
     * Adds the episodes and curve points of a run folder (a read-only snapshot, see {@link RunSnapshot}: the folder
     * is left as it is, and a run still being written gives what it has recorded so far), or of a JSON-lines file.
     */
    public void addRun(Path run) throws IOException {
        if (Files.isRegularFile(run)) {
            addJsonLines(run);
            return;
        }
        RunSnapshot snapshot = RunSnapshot.read(run);
        episodes.addAll(snapshot.episodes());
        curves.addAll(snapshot.curves());
        if (snapshot.beingWritten()) {
            stillRunning.add(run);
        }
    }

    /**
     * Sentences for the report about runs that another process was still writing when they were read: their
     * results are partial.
     */
    public List<String> caveats() {
        return stillRunning.stream().map(run -> "Partial results: run " + run + " was still being written when this "
                + "report read it, so it shows only the episodes recorded by then; report again when the run "
                + "has finished.").toList();
    }

    /** Adds every readable {@link EpisodeRecord} line of the file. */
    public void addJsonLines(Path file) throws IOException {
        read(file, EpisodeRecord.class, episodes);
    }

    /** Adds every readable {@link CurvePoint} line of the file. */
    public void addCurves(Path file) throws IOException {
        read(file, CurvePoint.class, curves);
    }

    private <T> void read(Path file, Class<T> type, List<T> into) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("File '" + file + "' does not exist; check the path.");
        }
        int lineNo = 0;
        int skipped = 0;
        String first = null;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    into.add(Json.MAPPER.readValue(line, type));
                } catch (com.fasterxml.jackson.core.JacksonException e) {
                    skipped++;
                    if (first == null) {
                        first = "line " + lineNo + ": " + e.getOriginalMessage();
                    }
                }
            }
        }
        if (skipped > 0) {
            warnings.add("Skipped " + skipped + " unreadable line(s) of " + file + " (first at " + first
                    + "); the other episodes are used.");
        }
    }
}
