package io.sandmle.scaffolds.react;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.Episode;
import io.sandmle.api.Grade;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Scaffold;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.scaffolds.support.TaskBrief;
import io.sandmle.support.EpisodeRun;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * SandMLE's ReAct loop (sandmle.md §3.1–3.6): one conversation, one {@code <tool_call>} per turn
 * (PythonInterpreter → {@link MleEnvironment#python}, Score → {@link MleEnvironment#score}), tool output fed
 * back as a user {@code <tool_response>}, and {@code <answer>…</answer>} to end.
 *
 * <p>End reasons: {@code answered}; {@code token_limit_no_answer} (turns used up); {@code timeout} (episode
 * wall time, or a model call that failed, as SandMLE counts it; the turn's note says which);
 * {@code loop} (the same tool call {@value #LOOP_REPEATS} times in a row).
 * The final grade is the latest valid Score, else a grade of the submission.csv left at the end.
 */
public final class ReactScaffold implements Scaffold {

    /** SandMLE's context budget before pruning, in estimated tokens. */
    static final long CONTEXT_TOKENS = 32_768;
    /** Identical consecutive tool calls that end the episode as a loop. */
    static final int LOOP_REPEATS = 3;
    private static final List<String> STOP = List.of("<tool_response>");

    private final long contextTokens;

    public ReactScaffold() {
        this(CONTEXT_TOKENS);
    }

    ReactScaffold(long contextTokens) {
        this.contextTokens = contextTokens;
    }

    @Override
    public ResponseFormat responseFormat() {
        return ResponseFormat.REACT;
    }

    @Override
    public Trajectory run(Episode episode) {
        EpisodeRun run = new EpisodeRun(episode, "react", responseFormat());
        TaskBrief brief = TaskBrief.of(run);
        List<ChatMessage> messages = new ArrayList<>(List.of(
                ChatMessage.system(ReactPrompts.system(LocalDate.now(ZoneOffset.UTC))),
                ChatMessage.user(ReactPrompts.user(brief, episode.budget().maxTurns(), episode.budget().stepTime()))));
        Grade lastValidScore = null;
        boolean stepped = false;
        String previousCall = null;
        int repeats = 0;
        while (true) {
            if (run.outOfTurns()) {
                return end(run, "token_limit_no_answer", lastValidScore);
            }
            if (run.outOfTime()) {
                return end(run, "timeout", lastValidScore);
            }
            String pruned = ContextPruner.prune(messages, contextTokens);
            List<ChatMessage> prompt = List.copyOf(messages);
            ChatResponse response = run.ask(prompt, STOP);
            if (response.failed()) {
                run.record(prompt, response, "none", null, response.error());
                return end(run, "timeout", lastValidScore);
            }
            String reply = cutSelfWrittenResponse(response.content());
            messages.add(ChatMessage.assistant(reply));
            ToolCall call = ToolCall.first(reply);
            boolean answered = reply.contains("<answer>") && reply.contains("</answer>");
            StepRecord step = null;
            String note = pruned;
            if (call == null) {
                note = join(note, answered ? null : "no tool call in the reply");
            } else {
                step = execute(run, call);
                stepped |= step != null;
                if (step != null && step.grade() != null && step.grade().valid()) {
                    lastValidScore = step.grade();
                }
                String observation = step != null ? step.observation() : call.error();
                messages.add(ChatMessage.user("<tool_response>\n" + observation + "\n</tool_response>"));
                if (call.tool().equals("invalid")) {
                    note = join(note, "invalid tool call: " + call.error());
                }
                repeats = call.text().equals(previousCall) ? repeats + 1 : 1;
                previousCall = call.text();
            }
            if (answered && !stepped) {
                note = join(note, "answered before any tool step");
            }
            run.record(prompt, response, call == null ? (answered ? "answer" : "none") : call.tool(), step, note);
            if (answered) {
                return end(run, "answered", lastValidScore);
            }
            if (repeats >= LOOP_REPEATS) {
                return end(run, "loop", lastValidScore);
            }
        }
    }

    private static StepRecord execute(EpisodeRun run, ToolCall call) {
        MleEnvironment env = run.episode().env();
        return switch (call.tool()) {
            case "python" -> run.act("python", call.code(), () -> env.python(call.code()));
            case "score" -> run.act("score", null, env::score);
            default -> null;
        };
    }

    /** SandMLE's final grade: the latest valid Score, else the grade of whatever submission.csv is left. */
    private static Trajectory end(EpisodeRun run, String reason, Grade lastValidScore) {
        Grade grade = lastValidScore;
        if (grade == null) {
            StepRecord fallback = run.act("score", null, run.episode().env()::score);
            grade = fallback.grade();
        }
        return run.finish(reason, grade);
    }

    /** Drops anything after a {@code <tool_response>} the model wrote itself. */
    static String cutSelfWrittenResponse(String reply) {
        int i = reply.indexOf("<tool_response>");
        return i < 0 ? reply : reply.substring(0, i);
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }
}
