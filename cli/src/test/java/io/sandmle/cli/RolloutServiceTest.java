package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.runner.config.RepoFiles;
import io.sandmle.runner.store.RunStore;
import io.sandmle.support.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote rollout service against a real OpenAI-compatible endpoint: {@code sandmle serve} puts the
 * embedded policy behind the API (as a trainer's vLLM would serve its policy), {@code sandmle env-server} runs
 * G episodes against it per request, and the answer's rewards must be those {@code sandmle eval} records for
 * the same task, scaffold and seeds with the embedded policy called directly.
 */
class RolloutServiceTest {

    private static final Path FIXTURES = RepoFiles.root().resolve("examples/fixtures/mle-bench-lite");
    private static final String TASK = "spooky-author-identification";
    private static final String COMMON = """
            runs-dir: %s
            suites:
              - {name: mle-bench-lite, data-dir: '%s', tasks: [%s]}
            scaffolds: [react]
            executor: {name: local, parallel: 2}
            budget: {max-turns: 4, episode-time: 5m, step-time: 1m}
            """;

    @TempDir
    Path dir;
    private final List<ListeningCommand> started = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (ListeningCommand c : started) {
            c.close();
        }
    }

    @Test
    void rolloutsMatchAnEvalOfTheSameSeedsAndRepeatAsStored() throws Exception {
        Path log = dir.resolve("requests.jsonl");
        ListeningCommand serve = started(ListeningCommand.start("http://", "serve", "--port", "0", "--request-log",
                log.toString()));
        String inference = serve.address();
        Path serverConfig = dir.resolve("server.yaml");
        Files.writeString(serverConfig, "run: served\n" + COMMON.formatted(dir.resolve("runs"), FIXTURES, TASK)
                + "server: {port: 0, reward: dense}\n");
        String http = started(ListeningCommand.start("ws://", "env-server", "--config", serverConfig.toString()))
                .httpRoot();

        String request = Json.MAPPER.createObjectNode().put("task_id", TASK).put("seed", 0).put("scaffold", "react")
                .put("inference_url", inference).put("model", "embedded").put("session_id", "grpo-step-7.group-3")
                .put("group_size", 2).toString();
        HttpClient client = HttpClient.newHttpClient();
        JsonNode first = Json.MAPPER.readTree(post(client, http + "/rollouts", request));
        assertEquals(2, first.get("episodes").size());
        List<String> seen = Files.readAllLines(log);
        assertTrue(seen.size() >= 2, "the endpoint saw the episodes' model calls");
        for (String line : seen) {
            JsonNode call = Json.MAPPER.readTree(line);
            assertEquals("grpo-step-7.group-3", call.get("x_session_id").asText(), line);
            assertEquals("grpo-step-7.group-3", call.get("user").asText(), line);
        }

        String again = post(client, http + "/rollouts", request);
        assertEquals(first, Json.MAPPER.readTree(again), "a repeated request gets the stored answer");
        assertEquals(seen.size(), Files.readAllLines(log).size(), "and runs no episode again");

        Path evalConfig = dir.resolve("eval.yaml");
        Files.writeString(evalConfig, "run: direct\n" + COMMON.formatted(dir.resolve("runs"), FIXTURES, TASK)
                + "seeds: [0, 1]\npolicies: [{name: embedded, provider: embedded}]\n"
                + "trainer: {name: grpo, reward: dense}\n");
        CliRun eval = ChildJvm.run(Map.of(), "eval", "--config", evalConfig.toString());
        assertEquals(0, eval.exitCode(), eval.out());
        Map<Long, Double> direct;
        try (RunStore store = RunStore.open(dir.resolve("runs/direct"))) {
            direct = store.episodes().stream().collect(Collectors.toMap(EpisodeRecord::seed, EpisodeRecord::reward));
        }
        for (JsonNode e : first.get("episodes")) {
            assertEquals(direct.get(e.get("seed").asLong()), e.get("reward").asDouble(), 1e-9,
                    "seed " + e.get("seed") + ": rollout reward vs eval reward");
            assertTrue(e.get("turns").size() > 0);
            assertTrue(e.has("reward_parts") && e.has("grade") && e.has("end_reason"));
        }
    }

    private ListeningCommand started(ListeningCommand command) {
        started.add(command);
        return command;
    }

    private static String post(HttpClient client, String url, String body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
