package io.sandmle.runner.env;

import io.sandmle.support.Json;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Executor;
import io.sandmle.api.Grade;
import io.sandmle.api.Grader;
import io.sandmle.api.Limits;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.ResourceUse;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * The environment every scaffold acts in, one per episode: MLE-Dojo's actions (request_info,
 * validate_code, execute_code, reset, get_history) and SandMLE's tools (PythonInterpreter, Score) over one
 * sandboxed work folder. Every action is kept in the history and appended to {@code steps.jsonl} in the
 * episode folder; graded submissions are archived under {@code submissions/}, out of the agent's reach.
 *
 * <p>Episode folder: {@code work/} (the agent's cwd, {@code /work} inside the sandbox),
 * {@code work-steps/} (code and full logs of every step), {@code submissions/}, {@code steps.jsonl}.
 */
public final class SandboxedEnvironment implements MleEnvironment {

    private static final long MAX_SUBMISSION_BYTES = 512L << 20;

    private final Task task;
    private final Grader grader;
    private final Sandbox sandbox;
    private final Path episodeDir;
    private final Path workDir;
    private final Limits limits;
    private final InfoRequests info;
    private final List<StepRecord> history = new ArrayList<>();
    private int executions;
    private ResourceUse used = ResourceUse.NONE;

    private SandboxedEnvironment(Task task, Grader grader, Sandbox sandbox, Path episodeDir, Limits limits) {
        this.task = task;
        this.grader = grader;
        this.sandbox = sandbox;
        this.episodeDir = episodeDir;
        this.workDir = episodeDir.resolve("work");
        this.limits = limits;
        this.info = new InfoRequests(task);
    }

    /** Opens an episode of {@code task} in {@code episodeDir}, running code with {@code executor} in Debian's python3. */
    public static SandboxedEnvironment open(Task task, Grader grader, Executor executor, Path episodeDir,
                                            Limits limits) throws SandboxException {
        return open(task, grader, executor, episodeDir, limits, SandboxSpec.DEFAULT_PYTHON, false);
    }

    /**
     * As {@link #open(Task, Grader, Executor, Path, Limits)}, with agent code run by {@code python} (the config's
     * {@code executor.python}), optionally allowing unconfined code (explicit opt-in).
     */
    public static SandboxedEnvironment open(Task task, Grader grader, Executor executor, Path episodeDir,
                                            Limits limits, String python, boolean allowUnsafe) throws SandboxException {
        Path dir = episodeDir.toAbsolutePath().normalize();
        Sandbox sandbox = executor.open(new SandboxSpec(dir.resolve("work"), task.publicDir(), python, limits,
                allowUnsafe));
        return new SandboxedEnvironment(task, grader, sandbox, dir, limits);
    }

    @Override
    public Task task() {
        return task;
    }

    /** The task statement an agent starts from: the description, the files under /data, where to write. */
    public String taskPrompt() {
        return info.overview();
    }

    @Override
    public synchronized StepRecord requestInfo(String infoType) {
        long t = System.currentTimeMillis();
        return record("request_info", null, null, null, info.answer(infoType), t);
    }

    @Override
    public synchronized StepRecord validateCode(String code) {
        long t = System.currentTimeMillis();
        ExecResult syntax = run(syntaxCheck(code));
        if (!syntax.succeeded()) {
            String why = syntax.killedReason() != null ? syntax.killedReason() : syntax.stderrTail();
            return record("validate_code", code, syntax, null,
                    "=== Code Validation Results ===\nSyntax check: FAILED\n" + why, t);
        }
        ExecResult r = run(code);
        deleteQuietly(workDir.resolve("submission.csv"));
        return record("validate_code", code, r, null, "=== Code Validation Results ===\nSyntax check: OK\n"
                + ToolText.execution(r, "validate_code"), t);
    }

    /** Code that only compiles the agent's code: MLE-Dojo's py_compile step, run in the same sandbox. */
    private static String syntaxCheck(String code) {
        String b64 = Base64.getEncoder().encodeToString(code.getBytes(StandardCharsets.UTF_8));
        return "import base64\ncompile(base64.b64decode('" + b64 + "').decode('utf-8'), 'validation.py', 'exec')\n";
    }

    @Override
    public synchronized StepRecord executeCode(String code) {
        long t = System.currentTimeMillis();
        int n = ++executions;
        ExecResult r = run(code);
        String feedback = ToolText.execution(r, "execute_code");
        if (!r.succeeded()) {
            return record("execute_code", code, r, null, feedback, t);
        }
        Grade g = grade(episodeDir.resolve("submissions").resolve("submission_" + n + ".csv"), true);
        return record("execute_code", code, r, g, feedback + "\n" + ToolText.submission(g, betterOf(bestGrade(), g)), t);
    }

    @Override
    public synchronized StepRecord python(String code) {
        long t = System.currentTimeMillis();
        ExecResult r = run(code);
        boolean exists = Files.exists(workDir.resolve("submission.csv"));
        String logName = "the episode's work-steps folder";
        return record("python", code, r, null,
                ToolText.pythonInterpreter(r, exists, logName, limits.wallTime().toSeconds()), t);
    }

    @Override
    public synchronized StepRecord score() {
        long t = System.currentTimeMillis();
        Grade g = grade(episodeDir.resolve("submissions").resolve("score_" + (history.size() + 1) + ".csv"), false);
        return record("score", null, null, g, ToolText.score(g), t);
    }

    private Grade grade(Path archive, boolean move) {
        SubmissionIntake.Intake in = SubmissionIntake.take(workDir, archive, move, MAX_SUBMISSION_BYTES);
        if (in.copy() == null) {
            String reason = in.exists() ? in.problem() : "No submission.csv was found in the work folder.";
            return Grade.invalid(task.id(), in.exists(), reason, task.thresholds(), task.lowerIsBetter());
        }
        try {
            return grader.grade(task, in.copy());
        } catch (RuntimeException e) {
            return Grade.invalid(task.id(), true, "The grader failed: " + e.getMessage(), task.thresholds(),
                    task.lowerIsBetter());
        }
    }

    private ExecResult run(String code) {
        ExecResult r;
        try {
            r = sandbox.run(code);
        } catch (SandboxException e) {
            r = new ExecResult(ExecResult.SCHEMA_VERSION, -1, "", "", 0, 0, 0, false,
                    "The sandbox failed, not the code: " + e.getMessage());
        }
        used = used.plus(r);
        return r;
    }

    /** Every step run so far (syntax checks and reset-away steps included), and the GPU time the sandbox held. */
    @Override
    public synchronized ResourceUse resourceUse() {
        OptionalDouble gpu = sandbox.gpuSeconds();
        return used.withGpuSeconds(gpu.isPresent() ? gpu.getAsDouble() : null);
    }

    @Override
    public synchronized void reset() {
        long t = System.currentTimeMillis();
        try (Stream<Path> all = Files.walk(workDir)) {
            all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(workDir)).forEach(SandboxedEnvironment::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty the work folder " + workDir + ": " + e.getMessage(), e);
        }
        history.clear();
        executions = 0;
        appendLog(new StepRecord(StepRecord.SCHEMA_VERSION, -1, "reset", null, null, null,
                "The work folder and the history were cleared.", t));
    }

    @Override
    public synchronized List<StepRecord> history() {
        return List.copyOf(history);
    }

    @Override
    public synchronized Grade bestGrade() {
        Grade best = null;
        Grade latest = null;
        for (StepRecord s : history) {
            if (s.grade() != null) {
                latest = s.grade();
                best = betterOf(best, s.grade());
            }
        }
        return best != null && best.valid() ? best : latest;
    }

    /** The better of two grades in the task's direction; a valid grade beats an invalid one. */
    private Grade betterOf(Grade a, Grade b) {
        if (a == null || !a.valid()) {
            return b != null && b.valid() ? b : a;
        }
        if (b == null || !b.valid()) {
            return a;
        }
        boolean bBetter = task.lowerIsBetter() ? b.score() < a.score() : b.score() > a.score();
        return bBetter ? b : a;
    }

    private StepRecord record(String action, String code, ExecResult exec, Grade grade, String observation, long t) {
        StepRecord r = new StepRecord(StepRecord.SCHEMA_VERSION, history.size(), action, code, exec, grade,
                observation, t);
        history.add(r);
        appendLog(r);
        return r;
    }

    /** Appends to {@code steps.jsonl}, which keeps everything, resets included. */
    private void appendLog(StepRecord r) {
        try {
            Files.writeString(episodeDir.resolve("steps.jsonl"), Json.write(r) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the step in " + episodeDir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // A file the agent made undeletable stays; the next step still sees its own folder.
        }
    }

    @Override
    public synchronized void close() {
        sandbox.close();
    }
}
