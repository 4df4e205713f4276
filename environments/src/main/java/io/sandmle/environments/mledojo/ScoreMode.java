package io.sandmle.environments.mledojo;

import io.sandmle.api.Grade;

/** MLE-Dojo's {@code score_mode}: the reward of a graded submission is its HumanRank or its raw score. */
public enum ScoreMode {
    POSITION, RAW;

    /** The reward MLE-Dojo's {@code execute_code} returns for this grade: 0 when it is not valid. */
    public double reward(Grade grade) {
        if (grade == null || !grade.valid() || grade.score() == null) {
            return 0.0;
        }
        if (this == RAW) {
            return grade.score();
        }
        return grade.humanRank() == null ? 0.0 : grade.humanRank();
    }
}
