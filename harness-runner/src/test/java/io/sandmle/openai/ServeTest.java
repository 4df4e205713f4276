package io.sandmle.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.Budget;
import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.Episode;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Sampling;
import io.sandmle.api.Task;
import io.sandmle.api.TokenLogprob;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Usage;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.EnginePlansAccess;
import io.sandmle.support.Json;
import io.sandmle.support.doubles.FixedScriptPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The OpenAI client talking to {@code serve} backed by a scripted policy, over real HTTP. */
class ServeTest {

    /** Echoes the last user message back with two "choice" logprobs, or fails on request. */
    static final class EchoPolicy implements LanguageModel {
        final List<ChatRequest> seen = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "embedded@test";
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            seen.add(request);
            String last = request.messages().get(request.messages().size() - 1).content();
            if (last.equals("fail")) {
                return ChatResponse.failure("The policy has no checkpoint loaded.", 1);
            }
            return new ChatResponse("echo: " + last, "thought about it",
                    List.of(new TokenLogprob("model=random_forest", -0.7), new TokenLogprob("n_estimators=200", -1.2)),
                    new Usage(12, 2, 0), "stop", null, 3);
        }
    }

    private static OpenAiLanguageModel client(String baseUrl) {
        return new OpenAiLanguageModel(OpenAiSettings.fromSettings(Map.of("base-url", baseUrl, "model",
                "embedded@test", "max-retries", "0", "timeout-seconds", "10"), k -> null));
    }

    @Test
    void clientAndServerRoundTripContentReasoningLogprobsAndUsage() throws Exception {
        EchoPolicy policy = new EchoPolicy();
        try (OpenAiCompatibleServer server = OpenAiCompatibleServer.start(policy, 0, 2)) {
            ChatRequest request = new ChatRequest(List.of(ChatMessage.system("s"), ChatMessage.user("hello")),
                    new Sampling(0.3, 0.9, 256, 5L), List.of("</code>"), true, ResponseFormat.FREE_TEXT);
            ChatResponse r = client(server.baseUrl()).chat(request);
            assertFalse(r.failed(), r.error());
            assertEquals("echo: hello", r.content());
            assertEquals("thought about it", r.reasoning());
            assertEquals(List.of(new TokenLogprob("model=random_forest", -0.7),
                    new TokenLogprob("n_estimators=200", -1.2)), r.logprobs());
            assertEquals(12, r.usage().promptTokens());
            ChatRequest received = policy.seen.get(0);
            assertEquals(request.messages(), received.messages());
            assertEquals(request.sampling(), received.sampling());
            assertEquals(request.stop(), received.stop());
            assertTrue(received.logprobs());
            assertEquals(ResponseFormat.FREE_TEXT, received.responseFormat(), "no format markers in the prompt");
        }
    }

    @Test
    void everyScaffoldReachesAServedPolicyOverHttp() throws Exception {
        try (OpenAiCompatibleServer server = OpenAiCompatibleServer.start(new FixedScriptPolicy(), 0, 2)) {
            OpenAiLanguageModel remote = new OpenAiLanguageModel(OpenAiSettings.fromSettings(Map.of("base-url",
                    server.baseUrl(), "model", "fixed-script"), k -> null));
            for (String scaffold : List.of("react", "aide", "aira-greedy", "mle-agent")) {
                Task task = EnginePlansAccess.task("micro");
                Trajectory t = Extensions.load(List.of()).create(ExtensionKind.SCAFFOLD, scaffold).run(new Episode("e",
                        task, EnginePlansAccess.environment(task), remote,
                        new Budget(3, Duration.ofMinutes(1), Duration.ofSeconds(30)), Sampling.defaults(), 1));
                assertEquals(3, t.turns().size(), scaffold);
                assertTrue(t.turns().stream().allMatch(turn -> turn.note() == null && !turn.response().failed()),
                        scaffold);
                assertEquals("script=logistic", t.turns().get(0).response().logprobs().get(0).token());
                assertEquals(0.96, t.finalGrade().score(), scaffold);
            }
            assertEquals(0, remote.failures());
            assertEquals(12, remote.calls());
        }
    }

    @Test
    void modelsListAndErrors() throws Exception {
        try (OpenAiCompatibleServer server = OpenAiCompatibleServer.start(new EchoPolicy(), 0, 1)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> models = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode list = Json.MAPPER.readTree(models.body());
            assertEquals("embedded@test", list.get("data").get(0).get("id").asText());

            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/chat/completions")).POST(HttpRequest.BodyPublishers.ofString("{\"messages\": 3}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("'messages' must be a non-empty array"));

            ChatResponse failed = client(server.baseUrl()).chat(new ChatRequest(List.of(ChatMessage.user("fail")),
                    Sampling.defaults(), List.of(), false, ResponseFormat.FREE_TEXT));
            assertEquals("The endpoint answered HTTP 500 (The policy has no checkpoint loaded.)", failed.error());
        }
    }
}
