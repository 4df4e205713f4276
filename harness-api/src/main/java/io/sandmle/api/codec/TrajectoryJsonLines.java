package io.sandmle.api.codec;

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
 * The {@code trajectory.jsonl} of an episode folder (docs/CONTRACTS.md §3): the first line is the trajectory
 * without its turns, then one line per turn, so long episodes stream and {@code jq} or pandas read it line by line.
 */
public final class TrajectoryJsonLines {

    /** The file's name inside an episode folder. */
    public static final String FILE_NAME = "trajectory.jsonl";

    private TrajectoryJsonLines() {
    }

    /** The file's bytes for {@code trajectory}. */
    public static byte[] encode(Trajectory trajectory) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeLine(out, withTurns(trajectory, List.of()));
        for (Turn turn : trajectory.turns()) {
            writeLine(out, turn);
        }
        return out.toByteArray();
    }

    /** Reads a file written by {@link #encode}; blank lines are skipped. */
    public static Trajectory read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IOException(file + " is empty");
            }
            Trajectory head = FormatMappers.LINES.readValue(header, Trajectory.class);
            List<Turn> turns = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    turns.add(FormatMappers.LINES.readValue(line, Turn.class));
                }
            }
            return withTurns(head, turns);
        }
    }

    private static void writeLine(ByteArrayOutputStream out, Object value) {
        try {
            out.write(FormatMappers.LINES.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalStateException("A trajectory always serialises: " + e.getMessage(), e);
        }
        out.write('\n');
    }

    private static Trajectory withTurns(Trajectory t, List<Turn> turns) {
        return new Trajectory(t.schemaVersion(), t.episodeId(), t.taskId(), t.scaffold(), t.policy(), t.seed(),
                turns, t.finalGrade(), t.endReason(), t.wallMillis());
    }
}
