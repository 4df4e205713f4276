package io.sandmle.reports.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a test-resource Python script under Debian's /usr/bin/python3 (where scipy lives) on JSON input. */
public final class Python {

    public static final Path INTERPRETER = Path.of("/usr/bin/python3");

    private Python() {
    }

    /** Writes the cases, runs the script, returns its JSON answer (one node per case). */
    public static JsonNode run(String script, List<Map<String, Object>> cases, Path work) throws Exception {
        assumeTrue(Files.isExecutable(INTERPRETER), "needs /usr/bin/python3 with scipy (provision/apt-packages.txt)");
        Path code = work.resolve(script);
        try (InputStream in = Python.class.getResourceAsStream("/python/" + script)) {
            Files.copy(in, code);
        }
        Path input = work.resolve("cases.json");
        Path output = work.resolve("answers.json");
        Json.MAPPER.writeValue(input.toFile(), cases);
        Process p = new ProcessBuilder(INTERPRETER.toString(), code.toString(), input.toString(), output.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("python reference script failed: " + log);
        }
        return Json.MAPPER.readTree(output.toFile());
    }
}
