package io.sandmle.trainers.export;

import com.sun.net.httpserver.HttpServer;
import io.sandmle.api.TrainingResult;
import io.sandmle.trainers.grpo.ChoiceRewardSession;
import io.sandmle.trainers.policy.EmbeddedPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExternalTrainerTest {

    private static Map<String, String> settings(String command, String endpoint) {
        Map<String, String> s = new HashMap<>();
        s.put("steps", "2");
        s.put("tasks-per-step", "2");
        s.put("group-size", "4");
        s.put("command", command);
        s.put("adapter-name", "mle-lora");
        if (endpoint != null) {
            s.put("endpoint", endpoint);
        }
        return s;
    }

    @Test
    void runsTheCommandOnEachExportedBatchAndHotSwapsTheAdapter(@TempDir Path dir) throws Exception {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(exchange.getRequestURI().getPath() + " " + body);
            boolean unknownUnload = exchange.getRequestURI().getPath().endsWith("unload_lora_adapter") && calls.size() == 1;
            exchange.sendResponseHeaders(unknownUnload ? 404 : 200, -1);
            exchange.close();
        });
        server.start();
        try {
            // The "trainer": counts the parquet rows with DuckDB's CLI-free check (file exists) and writes an adapter.
            String command = "test -s \"$SANDMLE_BATCH_DIR/train.parquet\" && mkdir -p \"$SANDMLE_ADAPTER_DIR\" "
                    + "&& echo step $SANDMLE_STEP > \"$SANDMLE_ADAPTER_DIR/adapter_config.json\"";
            String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            ChoiceRewardSession session = new ChoiceRewardSession(t -> t.contains("model=forest"),
                    settings(command, endpoint), dir, null).withPolicy(EmbeddedPolicy.untrained(4));
            TrainingResult result = new ExternalTrainer().train(session);

            assertEquals(dir.resolve("step-0002").resolve("adapter"), result.finalCheckpoint());
            assertEquals("step 2", Files.readString(result.finalCheckpoint().resolve("adapter_config.json")).trim());
            assertEquals(4, calls.size(), calls.toString());
            assertTrue(calls.get(1).startsWith("/v1/load_lora_adapter {\"lora_name\":\"mle-lora\",\"lora_path\":\""
                    + dir.resolve("step-0001").resolve("adapter")), calls.get(1));
            assertTrue(calls.get(2).startsWith("/v1/unload_lora_adapter"));
        } finally {
            server.stop(0);
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rs = db.createStatement().executeQuery("SELECT count(*), min(len(prompt)), "
                     + "sum(CASE WHEN completion LIKE '%<tool_call>%' THEN 1 ELSE 0 END), "
                     + "min(len(token_logprobs)), round(sum(advantage), 6), any_value(prompt[1].role) FROM read_parquet('"
                     + dir.resolve("step-0001").resolve("train.parquet") + "')")) {
            rs.next();
            assertEquals(8, rs.getInt(1), "2 tasks x 4 rollouts x 1 turn");
            assertEquals(2, rs.getInt(2));
            assertEquals(8, rs.getInt(3));
            assertTrue(rs.getInt(4) >= 6, "every recipe choice is a token");
            assertEquals(0.0, rs.getDouble(5), 1e-6, "group-normalised advantages sum to zero per group");
            assertEquals("system", rs.getString(6));
        }
        long chats = Files.readAllLines(dir.resolve("step-0001").resolve("sft.jsonl")).size();
        assertTrue(chats <= 8);
    }

    @Test
    void aFailingCommandStopsWithOneSentence(@TempDir Path dir) {
        ChoiceRewardSession session = new ChoiceRewardSession(t -> true, settings("exit 3", null), dir, null)
                .withPolicy(EmbeddedPolicy.untrained(4));
        Exception e = assertThrows(java.io.IOException.class, () -> new ExternalTrainer().train(session));
        assertTrue(e.getMessage().startsWith("the training command exited with 3 at step 1"), e.getMessage());
    }
}
