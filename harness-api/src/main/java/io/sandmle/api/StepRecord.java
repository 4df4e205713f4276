package io.sandmle.api;

/**
 * One action taken in an {@link MleEnvironment}, as recorded in the episode's history.
 *
 * @param schemaVersion format version
 * @param index         0-based position in the episode
 * @param action        {@code execute_code}, {@code validate_code}, {@code python}, {@code score},
 *                      {@code request_info} or {@code reset}
 * @param code          the code run, or {@code null}
 * @param exec          the execution result, or {@code null} when nothing ran
 * @param grade         the grade when the action graded a submission, else {@code null}
 * @param observation   the text handed back to the agent
 * @param startedAtMillis epoch millis when the action started
 */
public record StepRecord(int schemaVersion, int index, String action, String code, ExecResult exec, Grade grade,
                         String observation, long startedAtMillis) {

    public static final int SCHEMA_VERSION = 1;
}
