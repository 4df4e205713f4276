package io.sandmle.scaffolds.mleagent;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.Episode;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Scaffold;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.scaffolds.support.Replies;
import io.sandmle.support.EpisodeRun;
import java.util.ArrayList;
import java.util.List;

/**
 * MLE-Dojo's MLE-Agent (scaffolds.md §4): one conversation, one JSON action per turn over
 * {@code request_info}, {@code validate_code} and {@code execute_code}; feedback comes back in the reflection
 * template, or the error template after a failed action. An unparsable reply gets up to {@value #REPAIRS}
 * format-repair calls in fresh one-message conversations (recorded as {@code repair} turns, kept out of the
 * main conversation).
 *
 * <p>Differences from MLE-Dojo, by design: repair calls count against the turn budget (the harness budgets
 * model calls); a failed model call ends the episode ({@code model_error}) rather than going through repair.
 * End reasons: {@code max_turns}, {@code timeout}, {@code token_limit} (prompt over
 * {@value #MAX_PROMPT_TOKENS} estimated tokens), {@code parse_error}, {@code model_error}.
 * The final grade is the environment's best grade.
 */
public final class MleAgentScaffold implements Scaffold {

    static final long MAX_PROMPT_TOKENS = 50_000;
    static final int REPAIRS = 3;

    @Override
    public ResponseFormat responseFormat() {
        return ResponseFormat.JSON_ACTION;
    }

    @Override
    public Trajectory run(Episode episode) {
        EpisodeRun run = new EpisodeRun(episode, "mle-agent", responseFormat());
        List<ChatMessage> messages = new ArrayList<>();
        StepRecord last = null;
        while (true) {
            if (run.outOfTurns()) {
                return end(run, "max_turns");
            }
            if (run.outOfTime()) {
                return end(run, "timeout");
            }
            if (tokens(messages) >= MAX_PROMPT_TOKENS) {
                return end(run, "token_limit");
            }
            messages.add(ChatMessage.user(nextPrompt(run, last)));
            List<ChatMessage> prompt = List.copyOf(messages);
            ChatResponse response = run.ask(prompt, List.of());
            if (response.failed()) {
                run.record(prompt, response, "none", null, response.error());
                return end(run, "model_error");
            }
            messages.add(ChatMessage.assistant(response.content()));
            AgentAction.Parsed parsed = AgentAction.parse(response.content());
            if (parsed.action() == null) {
                run.record(prompt, response, "none", null, "unparsable action: " + parsed.error());
                Repair fixed = repair(run, response.content(), parsed.error());
                if (fixed == null) {
                    return end(run, "parse_error");
                }
                last = act(run, fixed.action());
                run.record(fixed.prompt(), fixed.response(), "repair", last,
                        "repaired into " + fixed.action().action());
                continue;
            }
            last = act(run, parsed.action());
            run.record(prompt, response, parsed.action().action(), last, null);
        }
    }

    private static String nextPrompt(EpisodeRun run, StepRecord last) {
        long seconds = run.timeLeft().toSeconds();
        if (last == null) {
            return MleAgentPrompts.instruction(run.episode().task().id(), run.turnsLeft(), seconds);
        }
        return failed(last) ? MleAgentPrompts.error(last.observation(), run.turnsLeft(), seconds)
                : MleAgentPrompts.reflection(last.observation(), run.turnsLeft(), seconds);
    }

    /** MLE-Dojo's FAILED status: the code failed, or the submission it produced was unusable. */
    static boolean failed(StepRecord step) {
        return step.exec() != null && !step.exec().succeeded() || step.grade() != null && !step.grade().valid();
    }

    /** A repair call that produced a valid action (its turn is recorded once the action has run). */
    private record Repair(List<ChatMessage> prompt, ChatResponse response, AgentAction action) {
    }

    /** Up to {@value #REPAIRS} fresh calls asking the model to fix only the format; {@code null} if all fail. */
    private static Repair repair(EpisodeRun run, String reply, String error) {
        AgentAction.Parsed parsed = new AgentAction.Parsed(null, error);
        for (int i = 0; i < REPAIRS && !run.outOfTurns(); i++) {
            List<ChatMessage> prompt = List.of(ChatMessage.user(MleAgentPrompts.fixParseError(reply, parsed.error())));
            ChatResponse r = run.ask(prompt, List.of());
            if (r.failed()) {
                run.record(prompt, r, "repair", null, r.error());
                continue;
            }
            parsed = AgentAction.parse(r.content());
            if (parsed.action() != null) {
                return new Repair(prompt, r, parsed.action());
            }
            run.record(prompt, r, "repair", null, "repair " + (i + 1) + " failed: " + parsed.error());
        }
        return null;
    }

    private static StepRecord act(EpisodeRun run, AgentAction a) {
        MleEnvironment env = run.episode().env();
        return switch (a.action()) {
            case "request_info" -> run.act(a.action(), null, () -> env.requestInfo(a.value()));
            case "validate_code" -> run.act(a.action(), a.value(), () -> env.validateCode(a.value()));
            default -> run.act(a.action(), a.value(), () -> env.executeCode(a.value()));
        };
    }

    private static long tokens(List<ChatMessage> messages) {
        return messages.stream().mapToLong(m -> Replies.estimateTokens(m.content())).sum();
    }

    private static Trajectory end(EpisodeRun run, String reason) {
        return run.finish(reason, run.episode().env().bestGrade());
    }
}
