package io.sandmle.api;

/**
 * One finished episode as the run database indexes it and reports read it.
 *
 * @param schemaVersion format version
 * @param runId         the run it belongs to
 * @param episodeId     unique within the run
 * @param system        what is compared: {@code policy × scaffold [× checkpoint]}
 * @param suite         the suite name
 * @param taskId        the task
 * @param category      the task's category for breakdowns
 * @param seed          the episode seed (repetition index)
 * @param grade         the final grade, or {@code null} when the episode produced none
 * @param reward        the reward under the run's reward function
 * @param endReason     why the episode ended
 * @param wallMillis    elapsed time
 * @param turns         model calls made
 * @param resources     what the episode's code used of the machine, or {@code null} when not measured (records of
 *                      older runs, episodes that never opened a sandbox)
 */
public record EpisodeRecord(int schemaVersion, String runId, String episodeId, String system, String suite,
                            String taskId, String category, long seed, Grade grade, double reward,
                            String endReason, long wallMillis, int turns, ResourceUse resources) {

    /** A record without resource use. */
    public EpisodeRecord(int schemaVersion, String runId, String episodeId, String system, String suite,
                         String taskId, String category, long seed, Grade grade, double reward,
                         String endReason, long wallMillis, int turns) {
        this(schemaVersion, runId, episodeId, system, suite, taskId, category, seed, grade, reward, endReason,
                wallMillis, turns, null);
    }

    public static final int SCHEMA_VERSION = 1;
}
