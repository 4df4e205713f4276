package io.sandmle.api;

import java.util.List;

/**
 * A completion, or why there is none. A malformed or empty reply from an endpoint is a response
 * with {@code error} set, never an exception, so the episode records it and goes on.
 *
 * @param content      the assistant text ({@code ""} when none)
 * @param reasoning    reasoning content when the server returns it, else {@code null}
 * @param logprobs     per-token log-probabilities, empty when not served
 * @param usage        token and cost accounting
 * @param finishReason the server's finish reason ({@code stop}, {@code length} …)
 * @param error        one sentence when the call failed, else {@code null}
 * @param latencyMillis time the call took
 */
public record ChatResponse(String content, String reasoning, List<TokenLogprob> logprobs, Usage usage,
                           String finishReason, String error, long latencyMillis) {

    public ChatResponse {
        content = content == null ? "" : content;
        logprobs = logprobs == null ? List.of() : List.copyOf(logprobs);
        usage = usage == null ? Usage.NONE : usage;
    }

    /** A failed call described in one sentence. */
    public static ChatResponse failure(String error, long latencyMillis) {
        return new ChatResponse("", null, List.of(), Usage.NONE, null, error, latencyMillis);
    }

    public boolean failed() {
        return error != null;
    }
}
