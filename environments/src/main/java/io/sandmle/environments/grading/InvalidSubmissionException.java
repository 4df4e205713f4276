package io.sandmle.environments.grading;

/**
 * A submission that cannot be scored, described in one sentence. MLE-bench turns every exception a
 * grader raises into {@code score = None}; graders here throw this instead and the caller turns it
 * into an invalid grade.
 */
public final class InvalidSubmissionException extends IllegalArgumentException {

    public InvalidSubmissionException(String sentence) {
        super(sentence);
    }
}
