package io.sandmle.cli;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.cli.bench.SyntheticEpisodes;
import io.sandmle.runner.store.RunStore;
import java.nio.file.Path;
import java.util.List;

/**
 * A writer in its own process: opens the run store given as the first argument, appends the number of synthetic
 * episodes given as the second, prints {@code holding}, and keeps the store open until its standard input closes.
 */
public final class HoldRunOpen {

    private HoldRunOpen() {
    }

    public static void main(String[] args) throws Exception {
        List<EpisodeRecord> episodes = SyntheticEpisodes.generate(2, 6, 2, 3).subList(0, Integer.parseInt(args[1]));
        try (RunStore store = RunStore.open(Path.of(args[0]))) {
            for (EpisodeRecord e : episodes) {
                store.append(e, trajectoryOf(e));
            }
            System.out.println("holding");
            System.out.flush();
            System.in.read();
        }
    }

    static Trajectory trajectoryOf(EpisodeRecord e) {
        return new Trajectory(Trajectory.SCHEMA_VERSION, e.episodeId(), e.taskId(), "react", "embedded", e.seed(),
                List.of(), e.grade(), e.endReason(), e.wallMillis());
    }
}
