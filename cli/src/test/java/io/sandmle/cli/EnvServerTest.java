package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.runner.config.RepoFiles;
import io.sandmle.runner.store.RunStore;
import io.sandmle.support.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sandmle env-server} as a user runs it (its own JVM), played by real Python WebSocket clients
 * (Debian's python3 with python3-websockets), on the MLE-bench-format fixture competitions. The run store is
 * read after the server stops, so every claim about recording is checked against what is on disk.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnvServerTest {

    private static final Path FIXTURES = RepoFiles.root().resolve("examples/fixtures/mle-bench-lite");
    private static final int CONCURRENT = 64;

    @TempDir
    static Path dir;
    private static ListeningCommand server;
    private static String url;
    private static String http;
    private static final List<String> concurrentIds = new ArrayList<>();
    private static String stormLastId;
    private static String killedId;

    @BeforeAll
    static void startServer() throws Exception {
        Path config = dir.resolve("server.yaml");
        Files.writeString(config, """
                run: served
                runs-dir: %s
                suites:
                  - {name: mle-bench-lite, data-dir: '%s'}
                executor: {name: local, parallel: 4, limits: {wall-time: 30s}}
                budget: {max-turns: 8, episode-time: 10m, step-time: 5s}
                server: {port: 0, max-sessions: 70, idle-timeout: 5m, validation-share: 0.2}
                """.formatted(dir.resolve("runs"), FIXTURES));
        server = ListeningCommand.start("ws://", "env-server", "--config", config.toString());
        url = server.address();
        http = server.httpRoot();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void pythonClientPlaysWholeEpisodesAndItsGradesAreSandmleGrades() throws Exception {
        List<JsonNode> episodes = EnvClient.run(url, "play", "--count", "3", "--system", "player");
        assertEquals(3, episodes.size());
        for (JsonNode e : episodes) {
            assertTrue(e.get("done").asBoolean());
            assertEquals("submitted", e.get("end_reason").asText());
            double sum = 0;
            for (JsonNode r : e.get("rewards")) {
                sum += r.asDouble();
            }
            assertEquals(e.get("episode_reward").asDouble(), sum, 1e-9, "step rewards add up to the episode's");
            assertTrue(e.get("state").get("done").asBoolean());
            Path submission = lastSubmission(e.get("episode_id").asText());
            CliRun graded = ChildJvm.run(Map.of(), "grade-sample", submission.toString(), e.get("task_id").asText(),
                    "--data-dir", FIXTURES.toString());
            assertEquals(0, graded.exitCode(), graded.out());
            JsonNode cli = Json.MAPPER.readTree(graded.out());
            JsonNode got = e.get("grade");
            assertEquals(cli.get("valid_submission").asBoolean(), got.get("valid").asBoolean());
            assertEquals(cli.get("score").asDouble(), got.get("score").asDouble(), 1e-12);
            assertEquals(cli.get("any_medal").asBoolean(), !got.get("medal").asText().equals("none"));
            assertEquals(cli.get("above_median").asBoolean(), got.get("above_median").asBoolean());
        }
    }

    @Test
    @Order(2)
    void sixtyFourConcurrentSessionsEachRecordOneEpisode() throws Exception {
        List<JsonNode> results = EnvClient.run(url, "concurrent", "--count", String.valueOf(CONCURRENT), "--system", "crowd");
        assertEquals(CONCURRENT, results.size());
        for (JsonNode r : results) {
            assertFalse(r.has("error"), "session " + r + " failed");
            assertTrue(r.get("done").asBoolean());
            concurrentIds.add(r.get("episode_id").asText());
        }
        assertEquals(CONCURRENT, Set.copyOf(concurrentIds).size(), "every session got its own episode");
    }

    @Test
    @Order(3)
    void badInputGetsOneErrorAndTheSessionGoesOn() throws Exception {
        Map<String, JsonNode> cases = EnvClient.run(url, "bad-input", "--system", "bad").stream()
                .collect(Collectors.toMap(c -> c.get("case").asText(), Function.identity()));
        Map<String, String> expected = Map.of("malformed_json", "INVALID_JSON", "unknown_message_type", "UNKNOWN_TYPE",
                "unknown_action", "VALIDATION_ERROR", "ten_mb_code", "VALIDATION_ERROR",
                "step_after_done", "EPISODE_DONE", "unknown_task", "UNKNOWN_TASK", "step_before_reset", "NO_EPISODE",
                "missing_code", "VALIDATION_ERROR");
        assertEquals(expected.keySet(), cases.keySet());
        expected.forEach((name, code) -> {
            JsonNode c = cases.get(name);
            assertEquals("error", c.get("type").asText(), name);
            assertEquals(code, c.get("code").asText(), name + ": " + c.get("message"));
            assertTrue(c.get("still_answers").asBoolean(), name);
            assertFalse(c.get("message").asText().isBlank(), name);
        });
        assertTrue(cases.get("ten_mb_code").get("message").asText().contains("10.0 MB"));
    }

    @Test
    @Order(4)
    void aResetStormEndsEachEpisodeOnce() throws Exception {
        JsonNode storm = EnvClient.run(url, "storm", "--count", "15", "--system", "storm").get(0);
        assertEquals(15, Set.copyOf(Json.MAPPER.convertValue(storm.get("ids"), List.class)).size());
        assertTrue(storm.get("done").asBoolean());
        stormLastId = storm.get("ids").get(14).asText();
    }

    @Test
    @Order(5)
    void aClientKilledMidStepLeavesNoProcessBehind() throws Exception {
        Process hanging = EnvClient.start(url, "hang", "--system", "killed");
        BufferedReader lines = new BufferedReader(new InputStreamReader(hanging.getInputStream(), StandardCharsets.UTF_8));
        killedId = Json.MAPPER.readTree(lines.readLine()).get("episode_id").asText();
        assertEquals("sent", Json.MAPPER.readTree(lines.readLine()).get("step").asText());
        Thread.sleep(1_500);
        assertTrue(processesMentioning(killedId) > 0, "the step's sandbox should be running before the kill");
        hanging.destroyForcibly().waitFor();
        long deadline = System.currentTimeMillis() + 30_000; // the step's own 5 s limit, then the session closes
        while (processesMentioning(killedId) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(0, processesMentioning(killedId), "a process of the killed client's sandbox survived");
    }

    @Test
    @Order(6)
    void httpRoutesAnswerAsOpenEnvDoes() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        assertEquals("healthy", get(client, "/health").get("status").asText());
        JsonNode openApi = get(client, "/openapi.json");
        assertTrue(openApi.get("info").get("version").isTextual());
        for (String route : List.of("/reset", "/step", "/state", "/schema", "/metadata", "/health")) {
            assertTrue(openApi.get("paths").has(route), route);
        }
        assertEquals("2.0", post(client, "/mcp", "{}").get("jsonrpc").asText());
        JsonNode schema = get(client, "/schema");
        assertTrue(schema.has("action") && schema.has("observation") && schema.has("state"));
        JsonNode metadata = get(client, "/metadata");
        assertEquals("sandmle", metadata.get("name").asText());
        assertEquals(5, metadata.get("tasks").size());
        assertEquals(1, metadata.get("tasks").findValues("split").stream().filter(s -> s.asText().equals("validation"))
                .count(), "the last of five tasks is validation at share 0.2");
        JsonNode reset = post(client, "/reset", "{\"split\": \"validation\", \"seed\": 0, \"system\": \"http\"}");
        String session = reset.get("session_id").asText();
        assertFalse(reset.get("done").asBoolean());
        JsonNode step = post(client, "/step", "{\"session_id\": \"" + session + "\", \"action\": {\"action\": \"submit\"}}");
        assertTrue(step.get("done").asBoolean());
        assertEquals("submitted", step.get("observation").get("end_reason").asText());
        HttpResponse<String> noSession = client.send(HttpRequest.newBuilder(URI.create(http + "/step"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\": {\"action\": \"score\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, noSession.statusCode());
        assertTrue(Json.MAPPER.readTree(noSession.body()).get("detail").asText().contains("session_id"));
    }

    @Test
    @Order(7)
    void everyEpisodeIsRecordedExactlyOnceWhenTheServerStops() throws Exception {
        assertTrue(server.stop(), "SIGTERM: the shutdown hook closes the sessions and the store");
        try (RunStore store = RunStore.open(dir.resolve("runs/served"))) {
            List<EpisodeRecord> all = store.episodes();
            assertEquals(all.size(), all.stream().map(EpisodeRecord::episodeId).distinct().count(), "no duplicate");
            Map<String, List<EpisodeRecord>> bySystem = all.stream().collect(Collectors.groupingBy(EpisodeRecord::system));
            assertEquals(3, bySystem.get("player").size());
            assertEquals(Set.copyOf(concurrentIds), bySystem.get("crowd").stream().map(EpisodeRecord::episodeId)
                    .collect(Collectors.toSet()), "every concurrent episode once, none lost");
            List<EpisodeRecord> storm = bySystem.get("storm");
            assertEquals(15, storm.size());
            assertEquals(14, storm.stream().filter(e -> e.endReason().equals("abandoned")).count());
            assertEquals("submitted", storm.stream().filter(e -> e.episodeId().equals(stormLastId)).findFirst()
                    .orElseThrow().endReason());
            EpisodeRecord killed = bySystem.get("killed").get(0);
            assertEquals(killedId, killed.episodeId());
            assertEquals("abandoned", killed.endReason());
            assertNull(store.trajectory(killedId).finalGrade());
        }
        CliRun report = CliRun.of("report", dir.resolve("runs/served").toString(), "--out", dir.resolve("report")
                .toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(Files.isRegularFile(dir.resolve("report/index.html")), "sandmle report reads an env-server run");
    }

    private static Path lastSubmission(String episodeId) throws IOException {
        try (var files = Files.list(dir.resolve("runs/served/episodes").resolve(episodeId).resolve("submissions"))) {
            return files.max(Path::compareTo).orElseThrow();
        }
    }

    private JsonNode get(HttpClient client, String path) throws Exception {
        return Json.MAPPER.readTree(client.send(HttpRequest.newBuilder(URI.create(http + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode post(HttpClient client, String path, String body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(http + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    /** Processes whose command line names the episode (its sandbox binds the episode's folders). */
    private static long processesMentioning(String episodeId) {
        return ProcessHandle.allProcesses().filter(h -> h.info().commandLine().map(c -> c.contains(episodeId))
                .orElse(false)).count();
    }
}
