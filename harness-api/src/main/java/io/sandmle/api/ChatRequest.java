package io.sandmle.api;

import java.util.List;

/**
 * A chat completion request.
 *
 * @param messages the conversation so far
 * @param sampling sampling parameters
 * @param stop     stop strings
 * @param logprobs whether token log-probabilities are wanted
 */
public record ChatRequest(List<ChatMessage> messages, Sampling sampling, List<String> stop, boolean logprobs) {

    public ChatRequest {
        messages = List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
    }
}
