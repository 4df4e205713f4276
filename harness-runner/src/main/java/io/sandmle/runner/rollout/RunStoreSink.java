package io.sandmle.runner.rollout;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.runner.store.RunStore;
import java.nio.file.Path;
import java.util.Set;

/** The run store as the engine's sink. */
public record RunStoreSink(RunStore store) implements EpisodeSink {

    @Override
    public Set<String> finishedEpisodeIds() {
        return store.finishedEpisodeIds();
    }

    @Override
    public void append(EpisodeRecord record, Trajectory trajectory) {
        store.append(record, trajectory);
    }

    @Override
    public Trajectory trajectory(String episodeId) {
        return store.trajectory(episodeId);
    }

    @Override
    public Path episodeDir(String episodeId) {
        return store.episodeDir(episodeId);
    }
}
