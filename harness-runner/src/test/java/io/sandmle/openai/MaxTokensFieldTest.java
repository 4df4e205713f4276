package io.sandmle.openai;

import static io.sandmle.openai.ScriptedHttpServer.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Sampling;
import io.sandmle.support.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The completion-limit field against a real HTTP server that behaves as OpenAI does for its reasoning models:
 * it answers 400 to any request carrying {@code max_tokens}, and a completion to one carrying
 * {@code max_completion_tokens}. Also the retry delay's jitter range.
 */
class MaxTokensFieldTest {

    private static final ChatRequest REQUEST = new ChatRequest(List.of(ChatMessage.user("Solve the task.")),
            new Sampling(0.7, 0.95, 512, 42L), List.of(), false, ResponseFormat.FREE_TEXT);

    /** A server that refuses one of the two field names, checking each request's body, never a script. */
    private static final class ReasoningModelServer implements AutoCloseable {
        private final HttpServer server;
        private final String refused;
        final List<JsonNode> requests = new CopyOnWriteArrayList<>();

        ReasoningModelServer(String refused) throws IOException {
            this.refused = refused;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
            server.createContext("/", this::answer);
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        }

        private void answer(HttpExchange ex) throws IOException {
            JsonNode body = Json.MAPPER.readTree(ex.getRequestBody().readAllBytes());
            requests.add(body);
            boolean refuse = body.has(refused);
            String reply = refuse
                    ? "{\"error\":{\"message\":\"Parameter '" + refused + "' is not supported by this model.\","
                    + "\"type\":\"invalid_request_error\",\"param\":\"" + refused + "\",\"code\":\"unsupported_parameter\"}}"
                    : resource("openai.json");
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(refuse ? 400 : 200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static OpenAiLanguageModel client(String baseUrl, String... extra) {
        Map<String, String> s = new java.util.HashMap<>(Map.of("base-url", baseUrl, "model", "o3-mini",
                "timeout-seconds", "5", "max-retries", "0"));
        for (int i = 0; i < extra.length; i += 2) {
            s.put(extra[i], extra[i + 1]);
        }
        return new OpenAiLanguageModel(OpenAiSettings.fromSettings(s, k -> null));
    }

    @Test
    void refusedMaxTokensIsSentAgainAsMaxCompletionTokensAndKept() throws Exception {
        try (ReasoningModelServer server = new ReasoningModelServer("max_tokens")) {
            OpenAiLanguageModel model = client(server.baseUrl());
            ChatResponse first = model.chat(REQUEST);
            assertFalse(first.failed(), first.error());
            assertEquals(2, server.requests.size(), "one refusal, then the same request under the other name");
            assertTrue(server.requests.get(0).has("max_tokens"));
            assertEquals(512, server.requests.get(1).path("max_completion_tokens").asInt());
            assertFalse(server.requests.get(1).has("max_tokens"));

            assertFalse(model.chat(REQUEST).failed());
            assertEquals(3, server.requests.size(), "the second call goes straight to the accepted name");
            assertTrue(server.requests.get(2).has("max_completion_tokens"));
            assertEquals(0, model.failures());
        }
    }

    @Test
    void theSettingChoosesTheFieldAndAServerRefusingItGetsMaxTokens() throws Exception {
        try (ReasoningModelServer server = new ReasoningModelServer("max_tokens")) {
            assertFalse(client(server.baseUrl(), "max-tokens-field", "max_completion_tokens").chat(REQUEST).failed());
            assertEquals(1, server.requests.size(), "configured right, nothing is refused");
        }
        try (ReasoningModelServer older = new ReasoningModelServer("max_completion_tokens")) {
            ChatResponse r = client(older.baseUrl(), "max-tokens-field", "max_completion_tokens").chat(REQUEST);
            assertFalse(r.failed(), r.error());
            assertEquals(512, older.requests.get(1).path("max_tokens").asInt());
        }
    }

    @Test
    void aBadFieldNameIsOneSentence() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> client("http://127.0.0.1:9/v1", "max-tokens-field", "max_new_tokens"));
        assertEquals("The openai policy's 'max-tokens-field' must be max_tokens or max_completion_tokens, not "
                + "'max_new_tokens'.", e.getMessage());
    }

    @Test
    void retryDelayIsEqualJitterBetweenHalfAndAllOfTheBackoff() {
        Random random = new Random(7);
        long lowest = Long.MAX_VALUE;
        long highest = 0;
        for (int i = 0; i < 2000; i++) {
            long ms = OpenAiLanguageModel.delay(2, null, Duration.ofMillis(100), Duration.ofSeconds(60), random).toMillis();
            lowest = Math.min(lowest, ms);
            highest = Math.max(highest, ms);
        }
        assertTrue(lowest >= 200 && lowest < 210, "d = 100·2² = 400 ms, so never below 200 ms: " + lowest);
        assertTrue(highest <= 400 && highest > 390, "and never above 400 ms: " + highest);
        long capped = OpenAiLanguageModel.delay(9, null, Duration.ofMillis(100), Duration.ofMillis(500), random).toMillis();
        assertTrue(capped >= 250 && capped <= 500, "the cap bounds d: " + capped);
    }
}
