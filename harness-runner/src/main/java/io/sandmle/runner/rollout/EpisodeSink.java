package io.sandmle.runner.rollout;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Trajectory;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where finished episodes go: the run store (docs/CONTRACTS.md §3). Kept as an interface so the engine can also
 * feed training without a run folder.
 */
public interface EpisodeSink {

    /** Ids of episodes already recorded; the engine skips them. */
    Set<String> finishedEpisodeIds();

    /** Records one finished episode durably; returns only once it is safe on disk. */
    void append(EpisodeRecord record, Trajectory trajectory);

    /** The trajectory of a recorded episode. */
    Trajectory trajectory(String episodeId);

    /** The folder where an episode's environment keeps its files. */
    Path episodeDir(String episodeId);
}
