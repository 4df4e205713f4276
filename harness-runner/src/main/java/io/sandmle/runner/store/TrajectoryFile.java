package io.sandmle.runner.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code trajectory.jsonl} format: the first line is the trajectory without its turns, then one
 * line per turn, so a reader can stream long episodes and {@code jq}/pandas read it line by line.
 */
public final class TrajectoryFile {

    /** The file name inside an episode folder. */
    public static final String NAME = "trajectory.jsonl";

    private final ObjectMapper json;

    TrajectoryFile(ObjectMapper json) {
        this.json = json;
    }

    /** The file's bytes for {@code trajectory}. */
    byte[] encode(Trajectory trajectory) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeLine(out, withTurns(trajectory, List.of()));
        for (Turn turn : trajectory.turns()) {
            writeLine(out, turn);
        }
        return out.toByteArray();
    }

    /** Reads a file written by {@link #encode}. */
    Trajectory read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IOException(file + " is empty");
            }
            Trajectory head = json.readValue(header, Trajectory.class);
            List<Turn> turns = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    turns.add(json.readValue(line, Turn.class));
                }
            }
            return withTurns(head, turns);
        }
    }

    private void writeLine(ByteArrayOutputStream out, Object value) throws IOException {
        out.write(json.writeValueAsBytes(value));
        out.write('\n');
    }

    private static Trajectory withTurns(Trajectory t, List<Turn> turns) {
        return new Trajectory(t.schemaVersion(), t.episodeId(), t.taskId(), t.scaffold(), t.policy(), t.seed(),
                turns, t.finalGrade(), t.endReason(), t.wallMillis());
    }
}
