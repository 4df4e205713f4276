package io.sandmle.api;

import java.nio.file.Path;

/**
 * One attempted task: kept (verified, on disk) or dropped with the verification check that failed.
 *
 * @param taskId     the generated task's id
 * @param kept       whether it passed verification
 * @param dropReason the failed check's name, or {@code null} when kept
 * @param dir        the task folder when kept, else {@code null}
 */
public record GenerationOutcome(String taskId, boolean kept, String dropReason, Path dir) {
}
