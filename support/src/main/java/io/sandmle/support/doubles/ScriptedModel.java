package io.sandmle.support.doubles;

import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A policy for tests where no model is reachable: each reply comes from a script, and every request is kept in
 * the order it arrived so a test can check what the caller sent.
 */
public final class ScriptedModel implements LanguageModel {

    /** A reply that stands for an endpoint failure. */
    public static final String FAIL = "\u0000fail";

    /** The reply to the request with the given 0-based call number. */
    private final BiFunction<Integer, ChatRequest, String> script;
    private final List<ChatRequest> requests = new ArrayList<>();

    private ScriptedModel(BiFunction<Integer, ChatRequest, String> script) {
        this.script = script;
    }

    /** Answers the n-th request with the n-th reply; the last one repeats. */
    public static ScriptedModel replying(String... replies) {
        return byCall(i -> replies[Math.min(i, replies.length - 1)]);
    }

    /** Answers by 0-based call number. */
    public static ScriptedModel byCall(IntFunction<String> reply) {
        return new ScriptedModel((call, request) -> reply.apply(call));
    }

    /** Answers from the request itself (for callers that hold several conversations at once). */
    public static ScriptedModel byRequest(Function<ChatRequest, String> reply) {
        return new ScriptedModel((call, request) -> reply.apply(request));
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public synchronized ChatResponse chat(ChatRequest request) {
        String reply = script.apply(requests.size(), request);
        requests.add(request);
        if (FAIL.equals(reply)) {
            return ChatResponse.failure("Could not connect to http://127.0.0.1:9/v1; start the server or fix base-url.",
                    1);
        }
        return new ChatResponse(reply, null, List.of(), new Usage(10, 5, 0), "stop", null, 1);
    }

    /** Every request so far, in order. */
    public synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }
}
