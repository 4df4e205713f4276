package io.sandmle.api.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.TokenLogprob;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.api.Usage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trajectory.jsonl: a header line without turns, one line per turn, and a lossless round trip. */
class TrajectoryJsonLinesTest {

    @TempDir
    Path dir;

    private static Turn turn(int i) {
        return new Turn(i, List.of(ChatMessage.system("solve"), ChatMessage.user("task " + i)), ResponseFormat.REACT,
                new ChatResponse("<answer>done</answer>", null, List.of(new TokenLogprob("model=forest", -0.5)),
                        new Usage(3, 2, 0), "stop", null, 7), "answer", null, null, 1);
    }

    @Test
    void oneHeaderLineThenOneLinePerTurnAndBackUnchanged() throws Exception {
        Trajectory t = new Trajectory(Trajectory.SCHEMA_VERSION, "e1", "task", "react", "embedded", 7,
                List.of(turn(0), turn(1)), null, "answered", 1234);
        Path file = dir.resolve(TrajectoryJsonLines.FILE_NAME);
        Files.write(file, TrajectoryJsonLines.encode(t));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        assertEquals("[]", lines.get(0).replaceAll(".*\"turns\":(\\[\\]).*", "$1"), lines.get(0));
        assertEquals(t, TrajectoryJsonLines.read(file));
    }

    @Test
    void turnsWrittenBeforeFormatsWereRecordedReadWithoutOne() throws Exception {
        Path file = dir.resolve(TrajectoryJsonLines.FILE_NAME);
        Files.writeString(file, "{\"schemaVersion\":1,\"episodeId\":\"e\",\"taskId\":\"t\",\"turns\":[]}\n\n"
                + "{\"index\":0,\"prompt\":[],\"action\":\"none\",\"unknown\":true}\n");
        Trajectory t = TrajectoryJsonLines.read(file);
        assertEquals(1, t.turns().size());
        assertNull(t.turns().get(0).responseFormat());
    }
}
