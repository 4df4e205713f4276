package io.sandmle.environments.generator;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.ExecResult;
import io.sandmle.api.Executor;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs a task's {@code evaluator.py} (written by a model under the {@code llm} generator, so untrusted) on one
 * submission and says whether it reproduces the harness grader's score. It runs as one sandbox step with
 * limits, like agent code, but as a grader: the task's {@code prepared/} folder (public and private, read-only)
 * is at {@code /data}, the evaluator runs from {@code /data/public} (SandMLE's interface reads
 * {@code ../private/}), and the submission is a copy in the work folder.
 */
final class EvaluatorStep {

    /** Grading a few hundred rows takes seconds; anything near this is a hang. */
    static final Limits LIMITS = Limits.defaults().withWallTime(Duration.ofMinutes(2));

    private final Limits limits;

    EvaluatorStep() {
        this(LIMITS);
    }

    EvaluatorStep(Limits limits) {
        this.limits = limits;
    }

    /**
     * Why the task's evaluator does not print {@code expected} for {@code submission}, in words fit to send back
     * to the model that wrote it; empty when it agrees (within 1e-5, relative above 1).
     */
    Optional<String> disagreement(TaskFolder folder, Path submission, double expected, Executor executor)
            throws IOException {
        ExecResult run = run(folder, submission, executor);
        if (!run.succeeded()) {
            return Optional.of("evaluator.py failed (exit " + run.exitCode() + "):\n" + AgentLoop.lastLines(run.stderrTail())
                    + (run.killedReason() == null ? "" : "\n" + run.killedReason()));
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(run.stdoutTail());
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return Optional.of("evaluator.py must print one JSON object; it printed:\n" + AgentLoop.lastLines(run.stdoutTail()));
        }
        JsonNode score = json.get("score");
        // The grader rounds to 5 decimals as MLE-bench does; the evaluator prints full precision.
        if (score == null || !score.isNumber()
                || Math.abs(score.asDouble() - expected) > 1e-5 * Math.max(1, Math.abs(expected))) {
            return Optional.of("on the reference submission evaluator.py printed " + run.stdoutTail().strip()
                    + " but the correct score is " + expected);
        }
        return Optional.empty();
    }

    private ExecResult run(TaskFolder folder, Path submission, Executor executor) throws IOException {
        // A scratch parent keeps the executor's sibling folders (step files) out of the shared temp folder.
        Path scratch = Files.createTempDirectory("sandmle-evaluator-");
        try {
            Path work = Files.createDirectories(scratch.resolve("work"));
            Path prepared = folder.publicDir().getParent();
            try (Sandbox sandbox = executor.open(new SandboxSpec(work, prepared, SandboxSpec.DEFAULT_PYTHON, limits,
                    false))) {
                Files.copy(submission, work.resolve("submission.csv"));
                return sandbox.run(launcher(folder.publicDir().getFileName().toString()));
            } catch (SandboxException e) {
                return new ExecResult(ExecResult.SCHEMA_VERSION, -1, "", "", 0, 0, 0, false,
                        "The sandbox could not run evaluator.py: " + e.getMessage());
            }
        } finally {
            TaskFolder.deleteTree(scratch);
        }
    }

    /**
     * Python that runs evaluator.py as {@code python evaluator.py --submission_path …} from the public folder,
     * found through {@code SANDMLE_DATA_DIR} as every executor sets it (docs/CONTRACTS.md §2).
     */
    private static String launcher(String publicName) {
        return String.join("\n",
                "import os, runpy, sys",
                "submission = os.path.abspath('submission.csv')",
                "public = os.path.join(os.environ.get('SANDMLE_DATA_DIR', " + quoted(Sandbox.DATA_MOUNT) + "), "
                        + quoted(publicName) + ")",
                "os.chdir(public)",
                "sys.path.insert(0, public)",
                "sys.argv = ['evaluator.py', '--submission_path', submission]",
                "runpy.run_path('evaluator.py', run_name='__main__')",
                "");
    }

    private static String quoted(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
