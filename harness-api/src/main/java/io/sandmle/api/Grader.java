package io.sandmle.api;

import java.nio.file.Path;

/**
 * Scores a submission file against a task's hidden answers exactly as the task's benchmark does.
 * Implementations must never throw for a bad submission: they return an invalid {@link Grade}
 * with one sentence saying what is wrong.
 */
public interface Grader {

    /** Grades {@code submission} (a CSV file, usually {@code submission.csv}) for {@code task}. */
    Grade grade(Task task, Path submission);
}
