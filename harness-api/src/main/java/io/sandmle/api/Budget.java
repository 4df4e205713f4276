package io.sandmle.api;

import java.time.Duration;

/**
 * How much an episode may spend.
 *
 * @param maxTurns    model calls per episode
 * @param episodeTime wall time of the whole episode
 * @param stepTime    wall time of one code step
 */
public record Budget(int maxTurns, Duration episodeTime, Duration stepTime) {

    /** A copy with another episode time (a task's own time limit). */
    public Budget withEpisodeTime(Duration time) {
        return new Budget(maxTurns, time, stepTime);
    }

    public static Budget defaults() {
        return new Budget(10, Duration.ofMinutes(30), Duration.ofMinutes(5));
    }
}
