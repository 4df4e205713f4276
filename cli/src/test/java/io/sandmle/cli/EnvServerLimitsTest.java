package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.runner.config.RepoFiles;
import io.sandmle.runner.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's two limits, hit by real clients: the session cap and the idle timeout. */
class EnvServerLimitsTest {

    @TempDir
    Path dir;

    @Test
    void oneSessionTooManyIsRefusedAndAnIdleSessionIsClosedAndRecorded() throws Exception {
        Path config = dir.resolve("server.yaml");
        Files.writeString(config, """
                run: limits
                runs-dir: %s
                suites:
                  - {name: mle-bench-lite, data-dir: '%s'}
                server: {port: 0, max-sessions: 2, idle-timeout: 2s}
                """.formatted(dir.resolve("runs"), RepoFiles.root().resolve("examples/fixtures/mle-bench-lite")));
        String idleId;
        try (ListeningCommand server = ListeningCommand.start("ws://", "env-server", "--config", config.toString())) {
            List<JsonNode> replies = EnvClient.run(server.address(), "capacity", "--count", "3", "--system", "crowd");
            assertEquals("observation", replies.get(0).get("type").asText());
            assertEquals("observation", replies.get(1).get("type").asText());
            assertEquals("CAPACITY_REACHED", replies.get(2).get("code").asText());
            assertTrue(replies.get(2).get("message").asText().contains("2/2"), replies.get(2).toString());

            List<JsonNode> idle = EnvClient.run(server.address(), "idle", "--count", "5", "--system", "idle");
            idleId = idle.get(0).get("episode_id").asText();
            assertTrue(idle.get(1).get("closed").asBoolean(), "the idle session was closed: " + idle);
            assertTrue(server.stop());
        }
        try (RunStore store = RunStore.open(dir.resolve("runs/limits"))) {
            EpisodeRecord idle = store.episodes().stream().filter(e -> e.episodeId().equals(idleId)).findFirst()
                    .orElseThrow();
            assertEquals("abandoned", idle.endReason());
            assertEquals(2, store.episodes().stream().filter(e -> e.system().equals("crowd")).count());
        }
    }
}
