package io.sandmle.scaffolds;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An environment for scaffold unit tests that reads markers instead of running code: {@code BUG} fails with a
 * traceback; {@code METRIC=<x>} prints {@code Validation metric: x} and leaves a submission graded x; other
 * code prints {@code ok} and leaves no submission.
 */
public final class FakeEnvironment implements MleEnvironment {

    private static final Pattern METRIC = Pattern.compile("METRIC=([0-9.]+)");

    private final Task task;
    private final List<StepRecord> history = new ArrayList<>();
    private Double submission;
    private Grade best;

    public FakeEnvironment(Task task) {
        this.task = task;
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public StepRecord requestInfo(String infoType) {
        String text = infoType.equals("data_path") ? "/data (read-only)" : "info about " + infoType;
        return add("request_info", null, null, null, text);
    }

    @Override
    public StepRecord validateCode(String code) {
        ExecResult r = exec(code);
        return add("validate_code", code, r, null, observation(r));
    }

    @Override
    public StepRecord executeCode(String code) {
        ExecResult r = exec(code);
        Grade g = grade();
        return add("execute_code", code, r, g, observation(r) + "\n" + describe(g));
    }

    @Override
    public StepRecord python(String code) {
        ExecResult r = exec(code);
        return add("python", code, r, null, observation(r));
    }

    @Override
    public StepRecord score() {
        Grade g = grade();
        return add("score", null, null, g, describe(g));
    }

    @Override
    public void reset() {
        history.clear();
        submission = null;
    }

    @Override
    public List<StepRecord> history() {
        return List.copyOf(history);
    }

    @Override
    public Grade bestGrade() {
        return best;
    }

    @Override
    public void close() {
    }

    private ExecResult exec(String code) {
        if (code.contains("BUG")) {
            return new ExecResult(1, 1, "", "Traceback (most recent call last):\nValueError: BUG", 5, 5, 0, false,
                    null);
        }
        Matcher m = METRIC.matcher(code);
        if (m.find()) {
            submission = Double.valueOf(m.group(1));
            return new ExecResult(1, 0, "Validation metric: " + m.group(1) + "\n", "", 5, 5, 0, false, null);
        }
        return new ExecResult(1, 0, "ok\n", "", 5, 5, 0, false, null);
    }

    private Grade grade() {
        if (submission == null) {
            return Grade.invalid(task.id(), false, "No submission.csv was found in the working folder.",
                    task.thresholds(), task.lowerIsBetter());
        }
        Grade g = new Grade(Grade.SCHEMA_VERSION, task.id(), true, true, submission, null,
                submission >= 0.95 ? Medal.GOLD : Medal.NONE, submission > 0.7, null, task.thresholds(), false);
        if (best == null || g.score() > best.score()) {
            best = g;
        }
        return g;
    }

    private static String observation(ExecResult r) {
        return "[Output]\n" + r.stdoutTail() + (r.stderrTail().isEmpty() ? "" : "[Stderr]\n" + r.stderrTail());
    }

    private static String describe(Grade g) {
        return g.valid() ? "Score: " + g.score() : "Invalid submission: " + g.reason();
    }

    private StepRecord add(String action, String code, ExecResult r, Grade g, String observation) {
        StepRecord s = new StepRecord(StepRecord.SCHEMA_VERSION, history.size(), action, code, r, g, observation,
                System.currentTimeMillis());
        history.add(s);
        return s;
    }
}
