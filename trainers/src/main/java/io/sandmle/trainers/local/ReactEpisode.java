package io.sandmle.trainers.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.ExecResult;
import io.sandmle.api.Grade;
import io.sandmle.api.Grader;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Medal;
import io.sandmle.api.Sampling;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Task;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A compact SandMLE ReAct loop (sandmle.md §3) for offline training inside the trainers module:
 * the reference system prompt's tool formats, PythonInterpreter and Score tools, {@code <answer>}
 * to end, reward from the latest successful Score. The runner's rollout engine runs the full
 * scaffold; this loop exists so GRPO can be trained and tested without it.
 */
public final class ReactEpisode {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SYSTEM_PROMPT = """
            You are an expert Kaggle competitor. Produce one Python script that trains a model and writes \
            submission.csv. Do not install packages. Use PythonInterpreter to iterate; after producing a \
            submission call Score and refine until satisfied. Be concise.
            STRICT: one tool call per response. Observe at least one <tool_response> before ending. Reply \
            <answer>submission</answer> only when the feedback looks good.
            Tool formats:
            <tool_call>
            python
            <code>
            # Your Python code here
            </code>
            </tool_call>

            <tool_call>
            {"name": "Score", "arguments": {"competition_id": "<id from the task description>"}}
            </tool_call>
            """;

    private final PythonWorkerPool python;
    private final Grader grader;
    private final int maxTurns;
    private final Duration stepTime;

    public ReactEpisode(PythonWorkerPool python, Grader grader, int maxTurns, Duration stepTime) {
        this.python = python;
        this.grader = grader;
        this.maxTurns = maxTurns;
        this.stepTime = stepTime;
    }

    /** The task block of sandmle.md §2.3: description, listed files and the dataset folder. */
    public static String taskPrompt(Task task) throws IOException {
        StringBuilder text = new StringBuilder("## Description\n## Competition ID: ").append(task.id()).append("\n\n");
        Path publicDir = task.publicDir().toAbsolutePath();
        text.append(Files.readString(publicDir.resolve("description.md"))).append("\n");
        text.append("## Files Provided in **").append(publicDir).append("**:\n");
        try (Stream<Path> files = Files.list(publicDir)) {
            files.map(p -> p.getFileName().toString()).sorted().forEach(f -> text.append("- ").append(f).append('\n'));
        }
        text.append("\n## Dataset Folder:\n").append(publicDir).append("/\n\n");
        text.append("Inspect the data files first. Match the columns of sample_submission.csv and write "
                + "submission.csv to the current directory. Use only preinstalled libraries. Each interpreter run "
                + "must finish within ").append(Duration.ofMinutes(5).toSeconds()).append(" seconds.\n");
        return text.toString();
    }

    public Trajectory run(String episodeId, Task task, LanguageModel model, long seed, Path workDir)
            throws IOException, InterruptedException {
        long start = System.currentTimeMillis();
        List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.system(SYSTEM_PROMPT),
                ChatMessage.user(taskPrompt(task))));
        List<Turn> turns = new ArrayList<>();
        Grade latestScore = null;
        String endReason = "max_turns";
        Files.createDirectories(workDir);
        // A stale submission from an earlier run in the same folder must never be graded as this episode's.
        Files.deleteIfExists(workDir.resolve("submission.csv"));
        for (int i = 0; i < maxTurns; i++) {
            List<ChatMessage> prompt = List.copyOf(messages);
            ChatResponse response = model.chat(new ChatRequest(prompt, new Sampling(1.0, 1.0, 4096, seed + i),
                    List.of(), true));
            if (response.failed()) {
                turns.add(new Turn(i, prompt, response, "none", null, response.error(), 0));
                endReason = "model_error";
                break;
            }
            String content = response.content();
            messages.add(ChatMessage.assistant(content));
            long stepStart = System.currentTimeMillis();
            StepRecord step = null;
            String action;
            if (content.contains("<tool_call>") && (content.contains("<code>") || content.contains("python\n"))) {
                action = "python";
                step = pythonStep(i, code(content), workDir, stepStart);
            } else if (content.contains("<tool_call>") && content.contains("\"Score\"")) {
                action = "score";
                step = scoreStep(i, task, workDir, stepStart);
                if (step.grade() != null && step.grade().valid()) {
                    latestScore = step.grade();
                }
            } else if (content.contains("<answer>") && content.contains("</answer>")) {
                turns.add(new Turn(i, prompt, response, "answer", null, null, 0));
                endReason = "answered";
                break;
            } else {
                action = "none";
            }
            if (step != null) {
                messages.add(ChatMessage.user("<tool_response>\n" + step.observation() + "\n</tool_response>"));
            }
            turns.add(new Turn(i, prompt, response, action, step, null, 0));
        }
        Grade finalGrade = latestScore != null ? latestScore : grader.grade(task, workDir.resolve("submission.csv"));
        return new Trajectory(Trajectory.SCHEMA_VERSION, episodeId, task.id(), "react-local", model.id(), seed, turns,
                finalGrade, endReason, System.currentTimeMillis() - start);
    }

    private static String code(String content) {
        int open = content.indexOf("<code>");
        int close = content.lastIndexOf("</code>");
        return open >= 0 && close > open ? content.substring(open + "<code>".length(), close) : "";
    }

    private StepRecord pythonStep(int index, String code, Path workDir, long started)
            throws IOException, InterruptedException {
        ExecResult exec = python.run(code, workDir, stepTime);
        StringBuilder obs = new StringBuilder();
        if (exec.timedOut()) {
            obs.append("[Timeout] Python execution timed out after ").append(stepTime.toSeconds())
                    .append("s. Please optimize your code to finish within ").append(stepTime.toSeconds()).append("s.");
        } else {
            obs.append("[Output]\n").append(exec.stdoutTail());
            if (!exec.stderrTail().isBlank()) {
                obs.append("\n[Stderr]\n").append(exec.stderrTail());
            }
            Path submission = workDir.resolve("submission.csv");
            obs.append(Files.exists(submission) ? "\nsubmission.csv exists at " + submission
                    : "\nNo submission.csv was written.");
        }
        return new StepRecord(StepRecord.SCHEMA_VERSION, index, "python", code, exec, null, obs.toString(), started);
    }

    private StepRecord scoreStep(int index, Task task, Path workDir, long started) {
        Path submission = workDir.resolve("submission.csv");
        if (!Files.exists(submission)) {
            return new StepRecord(StepRecord.SCHEMA_VERSION, index, "score", null, null, null,
                    "[Error] submission file not found at " + submission
                            + ". Please revise your Python code to generate submission.csv.", started);
        }
        Grade grade = grader.grade(task, submission);
        String observation;
        if (!grade.valid()) {
            observation = "Submission csv is invalid. Please revise your Python code. Detailed issue: " + grade.reason();
        } else {
            ObjectNode details = JSON.createObjectNode();
            details.put("score_primary (main competition metric for current code)", grade.score());
            details.put("metric_lower_is_better (true means lower score is better)", grade.lowerIsBetter());
            if (grade.thresholds() != null) {
                details.put("threshold_gold (score needed for gold tier)", grade.thresholds().gold());
                details.put("threshold_silver (score needed for silver tier)", grade.thresholds().silver());
                details.put("threshold_bronze (score needed for bronze tier)", grade.thresholds().bronze());
                details.put("threshold_median (median submission score)", grade.thresholds().median());
            }
            details.put("submission_path", submission.toString());
            observation = (grade.medal() == Medal.NONE
                    ? "Submission OK. But you do not reach the bronze threshold. Please revise your Python code to "
                    + "improve your score. Details: "
                    : "Submission OK. Details: ") + details;
        }
        return new StepRecord(StepRecord.SCHEMA_VERSION, index, "score", null, null, grade, observation, started);
    }
}
