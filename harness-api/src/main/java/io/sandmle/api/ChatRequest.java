package io.sandmle.api;

import java.util.List;
import java.util.Objects;

/**
 * A chat completion request.
 *
 * @param messages       the conversation so far
 * @param sampling       sampling parameters
 * @param stop           stop strings
 * @param logprobs       whether token log-probabilities are wanted
 * @param responseFormat the shape the caller parses the reply in (the asking scaffold's declared format)
 */
public record ChatRequest(List<ChatMessage> messages, Sampling sampling, List<String> stop, boolean logprobs,
                          ResponseFormat responseFormat) {

    public ChatRequest {
        messages = List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
        Objects.requireNonNull(responseFormat, "a chat request states the response format it expects");
    }
}
