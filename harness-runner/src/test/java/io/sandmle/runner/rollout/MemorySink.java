package io.sandmle.runner.rollout;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Trajectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An episode sink in memory, for engine tests that need no run folder. */
final class MemorySink implements EpisodeSink {

    final List<EpisodeRecord> records = new CopyOnWriteArrayList<>();
    final Map<String, Trajectory> trajectories = new ConcurrentHashMap<>();
    private final Path root;

    MemorySink(Path root) {
        this.root = root;
    }

    @Override
    public Set<String> finishedEpisodeIds() {
        return Set.copyOf(trajectories.keySet());
    }

    @Override
    public void append(EpisodeRecord record, Trajectory trajectory) {
        records.add(record);
        trajectories.put(record.episodeId(), trajectory);
    }

    @Override
    public Trajectory trajectory(String episodeId) {
        return trajectories.get(episodeId);
    }

    @Override
    public Path episodeDir(String episodeId) {
        return root.resolve(episodeId);
    }
}
