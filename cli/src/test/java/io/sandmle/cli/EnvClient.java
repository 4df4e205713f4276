package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.runner.config.RepoFiles;
import io.sandmle.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Python test client of the environment server (Debian's python3 + websockets), one scenario a run. */
final class EnvClient {


    private EnvClient() {
    }

    /** Starts a scenario against {@code url} and leaves it running (its stdout carries one JSON line a result). */
    static Process start(String url, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3",
                RepoFiles.root().resolve("cli/src/test/resources/envserver/env_client.py").toString(), url));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /** Runs a scenario to its end; returns its JSON lines. */
    static List<JsonNode> run(String url, String... args) throws Exception {
        Process p = start(url, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), "the client failed: " + err);
        List<JsonNode> results = new ArrayList<>();
        for (String line : out.lines().toList()) {
            results.add(Json.MAPPER.readTree(line));
        }
        return results;
    }
}
