package io.sandmle.environments.generator;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.LanguageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A fake LanguageModel for the llm generator's tests (no LLM is reachable here): each role (told apart by its
 * system prompt) answers from a script of reply functions, one per turn, and every request is recorded.
 */
final class ScriptedModel implements LanguageModel {

    private final Map<String, List<Function<ChatRequest, String>>> scripts;
    private final List<ChatRequest> requests = new ArrayList<>();

    ScriptedModel(Map<String, List<Function<ChatRequest, String>>> scripts) {
        this.scripts = scripts;
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public synchronized ChatResponse chat(ChatRequest request) {
        requests.add(request);
        String role = role(request);
        long turn = request.messages().stream().filter(m -> m.role().equals("assistant")).count();
        List<Function<ChatRequest, String>> script = scripts.get(role);
        String reply = script.get((int) Math.min(turn, script.size() - 1)).apply(request);
        return new ChatResponse(reply, null, List.of(), null, "stop", null, 1);
    }

    /** The requests a role received, in order. */
    synchronized List<ChatRequest> requests(String role) {
        return requests.stream().filter(r -> role(r).equals(role)).toList();
    }

    static String role(ChatRequest r) {
        String system = r.messages().get(0).content();
        for (String role : List.of("Data Strategist", "ML Developer", "MLOps Engineer", "Technical Writer")) {
            if (system.contains(role)) {
                return role;
            }
        }
        throw new IllegalStateException("unknown role");
    }

    /** The last user message's fenced block of a language. */
    static String block(ChatRequest r, String fence) {
        String user = r.messages().stream().filter(m -> m.role().equals("user")).map(ChatMessage::content)
                .findFirst().orElseThrow();
        return AgentLoop.block(user, fence);
    }
}
