package io.sandmle.runner.report;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.runner.store.RunStore;
import io.sandmle.support.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads episodes and learning-curve points for {@code sandmle report}: JSON-lines files of
 * {@link EpisodeRecord}s or {@link CurvePoint}s, and run folders (read through {@link RunStore}). Unreadable lines are skipped and counted, never fatal, so one bad line cannot cost the
 * rest of a run's results.
 */
public final class EpisodeSources {

    /** Episodes read so far and sentences about anything skipped. */
    private final List<EpisodeRecord> episodes = new ArrayList<>();
    private final List<CurvePoint> curves = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public List<EpisodeRecord> episodes() {
        return episodes;
    }

    public List<CurvePoint> curves() {
        return curves;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Adds the episodes and curve points of a run folder (through its run store), or of a JSON-lines file. */
    public void addRun(Path run) throws IOException {
        if (Files.isRegularFile(run)) {
            addJsonLines(run);
            return;
        }
        if (!Files.isRegularFile(run.resolve(RunStore.DATABASE))) {
            throw new IllegalArgumentException("Run '" + run + "' is not a run folder (no " + RunStore.DATABASE
                    + "); pass a run folder (runs/<run-id>) or a .jsonl file of episode records.");
        }
        try (RunStore store = RunStore.open(run)) {
            episodes.addAll(store.episodes());
            curves.addAll(store.curves());
        }
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
