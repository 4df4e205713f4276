package io.sandmle.runner.rollout;

import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Task;
import java.util.List;

/**
 * An environment whose every grade is a fixed score: engine tests care about scheduling and recording,
 * not about code. Scaffolds that call it get an empty observation; code steps take {@code stepMillis}.
 */
record StubEnvironment(Task task, double fixedScore, long stepMillis) implements MleEnvironment {

    StubEnvironment(Task task, double fixedScore) {
        this(task, fixedScore, 0);
    }

    Grade grade() {
        boolean aboveMedian = fixedScore > task.thresholds().median();
        Medal medal = fixedScore >= task.thresholds().gold() ? Medal.GOLD : Medal.NONE;
        return new Grade(Grade.SCHEMA_VERSION, task.id(), true, true, fixedScore, null, medal, aboveMedian, null,
                task.thresholds(), false);
    }

    private StepRecord step(String action, String code) {
        if (code != null && stepMillis > 0) {
            try {
                Thread.sleep(stepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new StepRecord(StepRecord.SCHEMA_VERSION, 0, action, code, null, grade(), "", 0);
    }

    @Override
    public StepRecord requestInfo(String infoType) {
        return step("request_info", null);
    }

    @Override
    public StepRecord validateCode(String code) {
        return step("validate_code", code);
    }

    @Override
    public StepRecord executeCode(String code) {
        return step("execute_code", code);
    }

    @Override
    public StepRecord python(String code) {
        return step("python", code);
    }

    @Override
    public StepRecord score() {
        return step("score", null);
    }

    @Override
    public void reset() {
    }

    @Override
    public List<StepRecord> history() {
        return List.of();
    }

    @Override
    public Grade bestGrade() {
        return grade();
    }

    @Override
    public void close() {
    }
}
