package io.sandmle.trainers.policy;

/** What the last graded submission earned, as far as the observation shows it. */
public enum ScoreFeedback {
    NONE, INVALID, BELOW_MEDIAN, ABOVE_MEDIAN, MEDAL
}
