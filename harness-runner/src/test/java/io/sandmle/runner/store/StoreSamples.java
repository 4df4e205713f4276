package io.sandmle.runner.store;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Thresholds;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import java.util.List;

/** Small but complete records for store tests. */
final class StoreSamples {

    private StoreSamples() {
    }

    static EpisodeRecord record(String episodeId, double score) {
        Grade grade = new Grade(Grade.SCHEMA_VERSION, "task-a", true, true, score, null, Medal.BRONZE, true, 0.5,
                new Thresholds(0.9, 0.8, 0.7, 0.6), false);
        return new EpisodeRecord(EpisodeRecord.SCHEMA_VERSION, "run-1", episodeId, "embedded x react", "synthetic",
                "task-a", "tabular", 7, grade, score, "answered", 1234, 2);
    }

    static Trajectory trajectory(String episodeId) {
        Turn turn = new Turn(0, List.of(ChatMessage.system("solve it"), ChatMessage.user("task: " + episodeId)),
                ResponseFormat.REACT, new ChatResponse("<answer>done</answer>", null, List.of(), null, "stop", null, 12),
                "answer", null, null, 1);
        return new Trajectory(Trajectory.SCHEMA_VERSION, episodeId, "task-a", "react", "embedded", 7,
                List.of(turn, turn), null, "answered", 1234);
    }
}
