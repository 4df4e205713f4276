package io.sandmle.openai;

import static io.sandmle.openai.ScriptedHttpServer.Reply;
import static io.sandmle.openai.ScriptedHttpServer.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Sampling;
import io.sandmle.support.Json;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible client over real HTTP: recorded replies of real servers, then faults. */
class OpenAiLanguageModelTest {

    private static final ChatRequest REQUEST = new ChatRequest(
            List.of(ChatMessage.system("You are a Kaggle grandmaster."), ChatMessage.user("Solve the task.")),
            new Sampling(0.7, 0.95, 512, 42L), List.of("</tool_call>"), true, ResponseFormat.FREE_TEXT);

    private static OpenAiLanguageModel client(String baseUrl, String... extra) {
        Map<String, String> s = new HashMap<>(Map.of("base-url", baseUrl, "model", "qwen3-8b",
                "api-key-env", "TEST_KEY", "timeout-seconds", "5", "max-retries", "3", "backoff-millis", "10",
                "max-backoff-millis", "500"));
        for (int i = 0; i < extra.length; i += 2) {
            s.put(extra[i], extra[i + 1]);
        }
        return new OpenAiLanguageModel(OpenAiSettings.fromSettings(s, k -> k.equals("TEST_KEY") ? "sk-test" : null));
    }

    private static ChatResponse replay(String file, String... extra) throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(Reply.ok(resource(file)))) {
            return client(server.baseUrl(), extra).chat(REQUEST);
        }
    }

    @Test
    void vllmReplyKeepsTokenLogprobs() throws Exception {
        ChatResponse r = replay("vllm-logprobs.json");
        assertFalse(r.failed(), r.error());
        assertEquals("<think>Look at the data.</think>", r.content());
        assertEquals(7, r.logprobs().size());
        assertEquals("Look", r.logprobs().get(1).token());
        assertEquals(-1.25, r.logprobs().get(1).logprob(), 1e-12);
        assertEquals(812, r.usage().promptTokens());
        assertEquals(7, r.usage().completionTokens());
        assertEquals("stop", r.finishReason());
        assertNull(r.reasoning());
    }

    @Test
    void reasoningIsReadFromEitherField() throws Exception {
        assertEquals("The metric is roc-auc, so a gradient boosted model is a good start.",
                replay("vllm-reasoning.json").reasoning());
        ChatResponse sglang = replay("sglang.json");
        assertEquals("Small tabular data; trees work well.", sglang.reasoning());
        assertEquals(2, sglang.logprobs().size());
        assertEquals("Okay, the user wants a script.", replay("ollama.json").reasoning());
        assertTrue(replay("ollama.json").logprobs().isEmpty());
    }

    @Test
    void llamaCppReplyWithLengthFinish() throws Exception {
        ChatResponse r = replay("llamacpp.json");
        assertFalse(r.failed());
        assertTrue(r.content().contains("request_info"));
        assertEquals("length", r.finishReason());
        assertEquals(-0.0007, r.logprobs().get(1).logprob(), 1e-12);
    }

    @Test
    void costComesFromConfiguredPricesOrFromOpenRouter() throws Exception {
        ChatResponse openai = replay("openai.json", "price-prompt-per-mtok", "0.15", "price-completion-per-mtok", "0.6");
        assertEquals(0.15 + 0.3, openai.usage().costUsd(), 1e-9);
        ChatResponse router = replay("openrouter.json", "price-prompt-per-mtok", "99");
        assertEquals(0.00123, router.usage().costUsd(), 1e-12);
        assertEquals("The score beats the median, I will stop.", router.reasoning());
    }

    @Test
    void requestCarriesSamplingStopLogprobsKeyAndExtras() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(Reply.ok(resource("openai.json")))) {
            OpenAiLanguageModel model = client(server.baseUrl(), "extra.top_k", "20", "extra.skip_special_tokens", "false");
            model.chat(REQUEST);
            JsonNode body = Json.MAPPER.readTree(server.requests.get(0));
            assertEquals("qwen3-8b", body.get("model").asText());
            assertEquals(0.7, body.get("temperature").asDouble());
            assertEquals(0.95, body.get("top_p").asDouble());
            assertEquals(512, body.get("max_tokens").asInt());
            assertEquals(42, body.get("seed").asLong());
            assertEquals("</tool_call>", body.get("stop").get(0).asText());
            assertTrue(body.get("logprobs").asBoolean());
            assertEquals(20, body.get("top_k").asInt());
            assertFalse(body.get("skip_special_tokens").asBoolean());
            assertEquals("system", body.get("messages").get(0).get("role").asText());
            assertEquals(List.of("Bearer sk-test"), server.requestHeaders.get(0).get("Authorization"));
            assertEquals(1, model.calls());
            assertEquals(1_000_000, model.totalUsage().promptTokens());
        }
    }

    @Test
    void endpointDownIsAFailureAfterRetries() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ChatResponse r = client("http://127.0.0.1:" + port + "/v1", "max-retries", "2").chat(REQUEST);
        assertTrue(r.failed());
        assertTrue(r.error().startsWith("Could not connect to http://127.0.0.1:" + port), r.error());
        assertTrue(r.error().contains("after 3 attempts"), r.error());
    }

    @Test
    void slowEndpointTimesOut() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                new Reply(200, resource("openai.json"), Map.of(), 3_000))) {
            ChatResponse r = client(server.baseUrl(), "timeout-seconds", "0.3", "max-retries", "0").chat(REQUEST);
            assertTrue(r.failed());
            assertTrue(r.error().contains("did not answer within"), r.error());
        }
    }

    @Test
    void slowThenFastIsRetried() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                new Reply(200, resource("openai.json"), Map.of(), 3_000), Reply.ok(resource("sglang.json")))) {
            ChatResponse r = client(server.baseUrl(), "timeout-seconds", "0.5").chat(REQUEST);
            assertFalse(r.failed(), r.error());
            assertEquals("Use a random forest.", r.content());
        }
    }

    @Test
    void rateLimitHonoursRetryAfterThenSucceeds() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                new Reply(429, resource("fault-rate-limit.json"), Map.of("Retry-After", "0.3"), 0),
                Reply.ok(resource("sglang.json")))) {
            ChatResponse r = client(server.baseUrl()).chat(REQUEST);
            assertFalse(r.failed(), r.error());
            assertEquals(2, server.requests.size());
            assertTrue(r.latencyMillis() >= 300, "waited as Retry-After asked: " + r.latencyMillis());
        }
    }

    @Test
    void serverErrorsAreRetriedThenReported() throws Exception {
        String overloaded = resource("fault-500.json");
        try (ScriptedHttpServer server = new ScriptedHttpServer(Reply.status(500, overloaded),
                Reply.status(503, overloaded), Reply.ok(resource("sglang.json")))) {
            assertFalse(client(server.baseUrl()).chat(REQUEST).failed());
            assertEquals(3, server.requests.size());
        }
        try (ScriptedHttpServer server = new ScriptedHttpServer(Reply.status(500, overloaded),
                Reply.status(500, overloaded), Reply.status(500, overloaded), Reply.status(500, overloaded))) {
            ChatResponse r = client(server.baseUrl()).chat(REQUEST);
            assertEquals("The endpoint answered HTTP 500 (The engine is overloaded, please retry.) (after 4 attempts)",
                    r.error());
        }
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(Reply.status(404, resource("fault-bad-model.json")))) {
            ChatResponse r = client(server.baseUrl()).chat(REQUEST);
            assertTrue(r.error().contains("HTTP 404 (The model `nope` does not exist.)"), r.error());
            assertEquals(1, server.requests.size());
        }
    }

    @Test
    void malformedRepliesAreOneSentenceFailures() throws Exception {
        assertTrue(replay("fault-html.html").error().startsWith("The endpoint returned an HTML page"));
        assertTrue(replay("fault-truncated.json").error().startsWith("The endpoint returned malformed or truncated JSON"));
        assertEquals("The endpoint returned no choices in its reply.", replay("fault-empty-choices.json").error());
        assertEquals("The endpoint returned an empty completion (finish_reason length).",
                replay("fault-missing-content.json").error());
        try (ScriptedHttpServer server = new ScriptedHttpServer(Reply.status(502, resource("fault-html.html")))) {
            ChatResponse r = client(server.baseUrl(), "max-retries", "0").chat(REQUEST);
            assertEquals("The endpoint answered HTTP 502 (an HTML error page)", r.error());
        }
    }

    @Test
    void concurrencyIsCapped() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            for (int i = 0; i < 6; i++) {
                server.add(new Reply(200, resource("sglang.json"), Map.of(), 150));
            }
            OpenAiLanguageModel model = client(server.baseUrl(), "max-concurrent", "2");
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<ChatResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> model.chat(REQUEST)));
            }
            for (Future<ChatResponse> f : calls) {
                assertFalse(f.get().failed());
            }
            pool.shutdown();
            assertEquals(2, server.peakInFlight.get());
        }
    }

    @Test
    void badSettingsAreOneSentence() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OpenAiSettings.fromSettings(Map.of("model", "m"), k -> null));
        assertTrue(e.getMessage().contains("base-url"));
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OpenAiSettings.fromSettings(Map.of("model", "m", "base-url", "http://x/v1",
                        "max-retries", "lots"), k -> null));
        assertEquals("The openai policy's 'max-retries' must be a non-negative number, not 'lots'.", e.getMessage());
    }
}
