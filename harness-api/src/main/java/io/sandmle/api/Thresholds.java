package io.sandmle.api;

/**
 * Score cut-offs of a task's leaderboard: the scores of the gold, silver and bronze medal
 * positions and the median. Whether higher or lower is better lives on the {@link Task}.
 */
public record Thresholds(double gold, double silver, double bronze, double median) {
}
