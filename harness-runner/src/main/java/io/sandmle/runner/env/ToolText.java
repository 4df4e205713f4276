package io.sandmle.runner.env;


import io.sandmle.api.Sandbox;

import io.sandmle.support.Json;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Grade;
import io.sandmle.api.Thresholds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact texts agents see back from the tools: SandMLE's PythonInterpreter ({@code [Output]} /
 * {@code [Stderr]}, last 20 lines, submission note, {@code [Timeout]}) and Score ("Submission OK …"), and
 * MLE-Dojo's execution feedback.
 */
final class ToolText {

    /** Lines of each stream the PythonInterpreter shows. */
    static final int TAIL_LINES = 20;

    private ToolText() {
    }

    /** The last {@value #TAIL_LINES} lines of {@code text}, with SandMLE's note when lines were cut. */
    static String lastLines(String text, String logName) {
        List<String> lines = text.lines().toList();
        if (lines.size() <= TAIL_LINES) {
            return String.join("\n", lines);
        }
        return "...[truncated " + (lines.size() - TAIL_LINES) + " lines, see " + logName + " for full output]\n"
                + String.join("\n", lines.subList(lines.size() - TAIL_LINES, lines.size()));
    }

    /** SandMLE's PythonInterpreter observation. */
    static String pythonInterpreter(ExecResult r, boolean submissionExists, String logName, long wallLimitSeconds) {
        if (r.timedOut()) {
            return "[Timeout] Exceeded " + wallLimitSeconds + "s. Logs: " + logName + "\n" + r.killedReason()
                    + "\n[Output]\n" + lastLines(r.stdoutTail(), logName);
        }
        StringBuilder s = new StringBuilder("[Output]\n").append(lastLines(r.stdoutTail(), logName));
        if (!r.stderrTail().isBlank()) {
            s.append("\n[Stderr]\n").append(lastLines(r.stderrTail(), logName));
        }
        if (r.killedReason() != null) {
            s.append("\n[Killed] ").append(r.killedReason());
        }
        s.append(submissionExists
                ? "\n[Note] submission.csv exists at " + Sandbox.WORK_MOUNT + "/submission.csv"
                : "\n[Note] submission.csv was not found in " + Sandbox.WORK_MOUNT);
        return s.toString();
    }

    /** SandMLE's Score observation. */
    static String score(Grade g) {
        String path = Sandbox.WORK_MOUNT + "/submission.csv";
        if (!g.submissionExists()) {
            return "[Error] submission file not found at " + path
                    + ". Please revise your Python code to generate submission.csv.";
        }
        if (!g.valid()) {
            return "Submission csv is invalid. Please revise your Python code. Detailed issue: " + g.reason();
        }
        String details = details(g);
        Thresholds t = g.thresholds();
        if (t != null && !beats(g.score(), t.bronze(), g.lowerIsBetter())) {
            return "Submission OK. But you do not reach the bronze threshold for this competition. Please revise "
                    + "your Python code to improve your score. Details: " + details;
        }
        return "Submission OK. Details: " + details;
    }

    private static boolean beats(double score, double threshold, boolean lowerIsBetter) {
        return lowerIsBetter ? score <= threshold : score >= threshold;
    }

    private static String details(Grade g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score_primary (main competition metric for current code)", g.score());
        m.put("metric_lower_is_better (true means lower score is better)", g.lowerIsBetter());
        Thresholds t = g.thresholds();
        if (t != null) {
            m.put("threshold_gold (score needed for gold tier)", t.gold());
            m.put("threshold_silver (score needed for silver tier)", t.silver());
            m.put("threshold_bronze (score needed for bronze tier)", t.bronze());
            m.put("threshold_median (median submission score)", t.median());
        }
        m.put("submission_path", Sandbox.WORK_MOUNT + "/submission.csv");
        return Json.write(m);
    }

    /** MLE-Dojo's feedback for a code run (validate_code and execute_code). */
    static String execution(ExecResult r, String action) {
        String status = r.succeeded() ? "SUCCESS" : "FAILED";
        StringBuilder s = new StringBuilder("=== Code Execution Results ===\n")
                .append(action).append(" status: ").append(status)
                .append(" (exit code ").append(r.exitCode()).append(", ").append(r.wallMillis()).append(" ms)\n")
                .append("[Output]\n").append(r.stdoutTail());
        if (!r.stderrTail().isBlank()) {
            s.append("\n[Stderr]\n").append(r.stderrTail());
        }
        if (r.killedReason() != null) {
            s.append("\n[Killed] ").append(r.killedReason());
        }
        return s.toString();
    }

    /** MLE-Dojo's submission feedback after execute_code. */
    static String submission(Grade g, Grade best) {
        if (!g.submissionExists()) {
            return "=== Submission Evaluation ===\nSubmissionNotFoundError: no submission.csv was written to "
                    + Sandbox.WORK_MOUNT + ".";
        }
        if (!g.valid()) {
            return "=== Submission Evaluation ===\nInvalidSubmissionError: " + g.reason();
        }
        StringBuilder s = new StringBuilder("=== Submission Evaluation ===\nRaw score: ").append(g.score());
        if (g.humanRank() != null) {
            s.append("\nPosition score: ").append(g.humanRank());
        }
        if (best != null && best.valid()) {
            s.append("\nBest raw score so far: ").append(best.score());
            if (best.humanRank() != null) {
                s.append("\nBest position score so far: ").append(best.humanRank());
            }
        }
        return s.toString();
    }
}
