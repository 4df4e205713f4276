package io.sandmle.reports.sections;

/**
 * Knobs of the statistics, all recorded in the reproducibility block.
 *
 * @param reps             bootstrap replicates for aggregates, headline, pairwise and rank intervals
 * @param profileReps      replicates for performance-profile bands (rliable's default is 2,000)
 * @param permutationDraws Monte-Carlo sign flips when a pair has more than 20 tasks
 * @param eloOrders        random game orders Elo is averaged over
 * @param seed             RNG seed of every resampling
 * @param gamma            optimality-gap threshold
 */
public record Settings(int reps, int profileReps, int permutationDraws, int eloOrders, long seed, double gamma) {

    /** Defaults of the reference (statistics.md §9), with 10,000 bootstrap replicates. */
    public static Settings defaults(long seed) {
        return new Settings(10_000, 2_000, 100_000, 200, seed, 1.0);
    }
}
