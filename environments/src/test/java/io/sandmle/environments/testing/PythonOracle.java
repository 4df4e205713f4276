package io.sandmle.environments.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.support.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python oracle script from the test resources under {@code /usr/bin/python3} (the
 * interpreter that sees Debian's scikit-learn), feeding JSON lines on stdin and reading JSON lines back.
 */
public final class PythonOracle {

    public static final String PYTHON = "/usr/bin/python3";

    private PythonOracle() {
    }

    /** Runs {@code resource} (e.g. {@code /oracle/sklearn_metrics.py}) with the given input lines. */
    public static List<JsonNode> run(String resource, List<?> inputs, String... args) throws Exception {
        Path dir = Files.createTempDirectory("oracle");
        try {
            // Scripts run from target/test-classes so that they can import their sibling modules.
            Path script = Path.of(PythonOracle.class.getResource(resource).toURI());
            Path input = dir.resolve("in.jsonl");
            StringBuilder sb = new StringBuilder();
            for (Object o : inputs) {
                sb.append(Json.MAPPER.writeValueAsString(o)).append('\n');
            }
            Files.writeString(input, sb);
            List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectInput(input.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(PYTHON + " " + resource + " failed (is python3-sklearn installed?"
                        + " see provision/apt-packages.txt)");
            }
            List<JsonNode> results = new ArrayList<>();
            for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    results.add(Json.MAPPER.readTree(line));
                }
            }
            return results;
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The shared data folder: {@code sandmle.shared.dir}, else {@code /work/shared}. */
    public static Path sharedDir() {
        String prop = System.getProperty("sandmle.shared.dir");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        return Path.of("/work/shared");
    }
}
