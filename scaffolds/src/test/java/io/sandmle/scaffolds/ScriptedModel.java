package io.sandmle.scaffolds;

import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A policy for tests: answers each request with the next scripted reply (the last one repeats). */
public final class ScriptedModel implements LanguageModel {

    /** A reply that stands for an endpoint failure. */
    public static final String FAIL = "\u0000fail";

    private final Function<Integer, String> replies;
    public final List<ChatRequest> requests = new ArrayList<>();

    public ScriptedModel(String... replies) {
        this(i -> replies[Math.min(i, replies.length - 1)]);
    }

    public ScriptedModel(Function<Integer, String> replies) {
        this.replies = replies;
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public synchronized ChatResponse chat(ChatRequest request) {
        String reply = replies.apply(requests.size());
        requests.add(request);
        if (reply.equals(FAIL)) {
            return ChatResponse.failure("Could not connect to http://127.0.0.1:9/v1; start the server or fix base-url.",
                    1);
        }
        return new ChatResponse(reply, null, List.of(), new Usage(10, 5, 0), "stop", null, 1);
    }
}
