package io.sandmle.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.Sampling;
import io.sandmle.support.Json;
import java.util.Map;

/** Builds the JSON body of a {@code /v1/chat/completions} request. */
final class RequestBody {

    private RequestBody() {
    }

    /** @param maxTokensField the name the completion limit is sent under ({@code max_tokens} or {@code max_completion_tokens}) */
    static String of(ChatRequest request, OpenAiSettings settings, String maxTokensField) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", settings.model());
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        Sampling s = request.sampling();
        body.put("temperature", s.temperature());
        body.put("top_p", s.topP());
        body.put(maxTokensField, s.maxTokens());
        if (s.seed() != null) {
            body.put("seed", s.seed());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            request.stop().forEach(stop::add);
        }
        if (request.logprobs()) {
            body.put("logprobs", true);
            body.put("top_logprobs", 0);
        }
        for (Map.Entry<String, String> e : settings.extraBody().entrySet()) {
            putScalar(body, e.getKey(), e.getValue());
        }
        return body.toString();
    }

    /** Numbers and booleans stay typed so servers that validate types (vLLM) accept them. */
    private static void putScalar(ObjectNode body, String key, String value) {
        if (value.equals("true") || value.equals("false")) {
            body.put(key, Boolean.parseBoolean(value));
            return;
        }
        try {
            body.put(key, new java.math.BigDecimal(value));
        } catch (NumberFormatException e) {
            body.put(key, value);
        }
    }
}
