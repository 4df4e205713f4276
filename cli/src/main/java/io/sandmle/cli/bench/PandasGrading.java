package io.sandmle.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.support.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * The grading benchmark's baseline: the same grade done with pandas and scikit-learn as MLE-bench does it
 * ({@code grading_baseline.py}), timed inside the interpreter so that its start-up and imports do not count.
 */
final class PandasGrading {

    private final String python;
    private final int repeats;

    PandasGrading(String python, int repeats) {
        this.python = python;
        this.repeats = repeats;
    }

    /**
     * @param kind    {@code accuracy} or {@code auc}
     * @param answers the private answers file
     * @param target  the column graded
     */
    GradingTimes time(String kind, Path submission, Path answers, String id, String target) throws Exception {
        Path script = Files.createTempFile("grading_baseline", ".py");
        try (InputStream in = PandasGrading.class.getResourceAsStream("grading_baseline.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Process p = new ProcessBuilder(python, script.toString(), kind, submission.toString(), answers.toString(), id,
                    target, String.valueOf(repeats)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(python + " could not run the pandas baseline; install python3-pandas"
                        + " and python3-sklearn");
            }
            JsonNode result = Json.MAPPER.readTree(new String(out, StandardCharsets.UTF_8));
            return new GradingTimes(millis(result.get("seconds")), millis(result.get("cpu_seconds")),
                    result.get("score").asText());
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static double[] millis(JsonNode seconds) {
        double[] out = new double[seconds.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = seconds.get(i).asDouble() * 1000;
        }
        return out;
    }
}
