package io.sandmle.environments.generator;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Sampling;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One LLM role's execute-and-debug loop: ask, take the fenced block of the expected kind from the answer, try
 * it, and on failure send the error back and ask again, up to a fixed number of turns.
 */
final class AgentLoop {

    /** Tries an answer; returns the error to send back, or empty when it is accepted. */
    interface Trial {
        Optional<String> attempt(String answer) throws Exception;
    }

    private final LanguageModel model;
    private final int maxTurns;
    private final List<ChatMessage> transcript = new ArrayList<>();

    AgentLoop(LanguageModel model, int maxTurns) {
        this.model = model;
        this.maxTurns = maxTurns;
    }

    /** Runs the loop; returns the accepted answer (the fenced block's content) or empty. */
    Optional<String> run(String system, String user, String fence, Trial trial) throws Exception {
        transcript.add(ChatMessage.system(system));
        transcript.add(ChatMessage.user(user));
        for (int turn = 0; turn < maxTurns; turn++) {
            // Each role's prompt names the fenced block it wants, so the request declares no scaffold format.
            ChatResponse reply = model.chat(new ChatRequest(transcript, new Sampling(0.2, 1.0, 4096, null), List.of(),
                    false, ResponseFormat.FREE_TEXT));
            if (reply.failed()) {
                return Optional.empty();
            }
            transcript.add(ChatMessage.assistant(reply.content()));
            String answer = block(reply.content(), fence);
            Optional<String> error = trial.attempt(answer);
            if (error.isEmpty()) {
                return Optional.of(answer);
            }
            transcript.add(ChatMessage.user("That did not work: " + error.get()
                    + "\nFix it and answer again with one ```" + fence + " block."));
        }
        return Optional.empty();
    }

    /** The conversation so far (kept in the task's reference/ folder for provenance). */
    List<ChatMessage> transcript() {
        return List.copyOf(transcript);
    }

    /** The content of the first fenced block of that language, else the whole text. */
    static String block(String text, String fence) {
        Matcher m = Pattern.compile("```" + Pattern.quote(fence) + "\\s*\\n(.*?)```", Pattern.DOTALL).matcher(text);
        return m.find() ? m.group(1) : text.strip();
    }

    /** The last 20 lines of a program's output: what an execute-and-debug loop sends back to the model. */
    static String lastLines(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
