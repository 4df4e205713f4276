package io.sandmle.api;

import java.util.List;

/**
 * The full record of one episode, written as {@code trajectory.jsonl} in the episode folder and
 * indexed in the run database.
 *
 * @param schemaVersion format version
 * @param episodeId     unique id within the run
 * @param taskId        the task
 * @param scaffold      the scaffold's registry name
 * @param policy        the policy's {@link LanguageModel#id()}
 * @param seed          the episode seed
 * @param turns         every model call in order
 * @param finalGrade    the grade of the submission the episode ended with, or {@code null}
 * @param endReason     why the episode ended ({@code answered}, {@code max_turns}, {@code time_limit} …)
 * @param wallMillis    elapsed time of the whole episode
 */
public record Trajectory(int schemaVersion, String episodeId, String taskId, String scaffold, String policy,
                         long seed, List<Turn> turns, Grade finalGrade, String endReason, long wallMillis) {

    public static final int SCHEMA_VERSION = 1;

    public Trajectory {
        turns = List.copyOf(turns);
    }
}
