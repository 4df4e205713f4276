package io.sandmle.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.TokenLogprob;
import io.sandmle.api.Usage;
import io.sandmle.support.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code /v1/chat/completions} reply body in the shapes the common servers send. Whatever the
 * server returned, the result is a {@link ChatResponse}; a body that is not a usable completion is a
 * failure described in one sentence.
 *
 * <p>Reasoning text arrives as {@code message.reasoning_content} (vLLM before 0.10, SGLang, llama.cpp,
 * DeepSeek) or {@code message.reasoning} (newer vLLM, Ollama, OpenRouter); both are read.
 */
final class CompletionParser {


    private CompletionParser() {
    }

    static ChatResponse parse(String body, OpenAiSettings settings, long latencyMillis) {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty()) {
            return ChatResponse.failure("The endpoint returned an empty body instead of a completion.", latencyMillis);
        }
        if (trimmed.startsWith("<")) {
            return ChatResponse.failure("The endpoint returned an HTML page instead of JSON; check that base-url "
                    + "points at the OpenAI-compatible API (usually ending in /v1).", latencyMillis);
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(trimmed);
        } catch (JsonProcessingException e) {
            return ChatResponse.failure("The endpoint returned malformed or truncated JSON ("
                    + e.getOriginalMessage() + ").", latencyMillis);
        }
        if (root.hasNonNull("error")) {
            return ChatResponse.failure("The endpoint reported an error: " + errorMessage(root) + ".", latencyMillis);
        }
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            return ChatResponse.failure("The endpoint returned no choices in its reply.", latencyMillis);
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) {
            return ChatResponse.failure("The endpoint's first choice has no message.", latencyMillis);
        }
        String content = text(message, "content");
        String reasoning = text(message, "reasoning_content");
        if (reasoning == null) {
            reasoning = text(message, "reasoning");
        }
        String finish = text(choice, "finish_reason");
        if ((content == null || content.isEmpty()) && (reasoning == null || reasoning.isEmpty())) {
            return ChatResponse.failure("The endpoint returned an empty completion (finish_reason "
                    + (finish == null ? "missing" : finish) + ").", latencyMillis);
        }
        return new ChatResponse(content, reasoning, logprobs(choice.path("logprobs")), usage(root, settings), finish,
                null, latencyMillis);
    }

    /** The message of an error body: OpenAI's {@code {"error":{"message":…}}} or vLLM's {@code {"message":…}}. */
    static String errorMessage(JsonNode root) {
        if (!root.has("error") && root.path("message").isTextual()) {
            return root.get("message").asText();
        }
        JsonNode error = root.path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        String message = text(error, "message");
        return message != null ? message : error.toString();
    }

    private static List<TokenLogprob> logprobs(JsonNode logprobs) {
        List<TokenLogprob> out = new ArrayList<>();
        JsonNode content = logprobs.path("content");
        if (content.isArray()) {
            for (JsonNode t : content) {
                if (t.has("token") && t.path("logprob").isNumber()) {
                    out.add(new TokenLogprob(t.get("token").asText(), t.get("logprob").asDouble()));
                }
            }
        }
        return out;
    }

    private static Usage usage(JsonNode root, OpenAiSettings settings) {
        JsonNode u = root.path("usage");
        long prompt = u.path("prompt_tokens").asLong(0);
        long completion = u.path("completion_tokens").asLong(0);
        // OpenRouter reports what it charged; elsewhere the configured prices apply.
        double cost = u.path("cost").isNumber() ? u.get("cost").asDouble() : settings.cost(prompt, completion);
        return new Usage(prompt, completion, cost);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }
}
