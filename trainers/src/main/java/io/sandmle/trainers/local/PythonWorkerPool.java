package io.sandmle.trainers.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sandmle.api.ExecResult;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Warm Python workers for the offline training loop: each worker process imports pandas and
 * scikit-learn once and forks a fresh child per code step, so a step costs the model's fit,
 * not the interpreter's start-up. Children run with the step's folder as working directory.
 */
public final class PythonWorkerPool implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TAIL_LINES = 20;

    private final List<Worker> all = new ArrayList<>();
    private final BlockingQueue<Worker> idle;
    private final Path scratch;

    /**
     * @param python  the interpreter (e.g. {@code /usr/bin/python3}; it must have pandas and scikit-learn)
     * @param workers how many steps may run at once
     */
    public PythonWorkerPool(String python, int workers) throws IOException {
        this.idle = new ArrayBlockingQueue<>(workers);
        this.scratch = Files.createTempDirectory("sandmle-workers");
        Path script = scratch.resolve("fork_worker.py");
        try (InputStream in = PythonWorkerPool.class.getResourceAsStream("fork_worker.py")) {
            Files.write(script, in.readAllBytes());
        }
        for (int i = 0; i < workers; i++) {
            ProcessBuilder pb = new ProcessBuilder(python, "-u", script.toString());
            Map<String, String> env = pb.environment();
            env.put("OMP_NUM_THREADS", "1");
            env.put("OPENBLAS_NUM_THREADS", "1");
            env.put("MKL_NUM_THREADS", "1");
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Worker w = new Worker(pb.start());
            all.add(w);
            idle.add(w);
        }
    }

    /** Runs {@code code} with {@code workDir} as working directory; never throws for what the code does. */
    public ExecResult run(String code, Path workDir, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path step = Files.createTempFile(workDir, "main_", ".py");
        Files.writeString(step, code);
        Path out = workDir.resolve(step.getFileName() + ".stdout");
        Path err = workDir.resolve(step.getFileName() + ".stderr");
        Worker w = idle.take();
        try {
            JsonNode reply = w.call(Map.of("code", step.toString(), "cwd", workDir.toString(),
                    "stdout", out.toString(), "stderr", err.toString(), "timeout", timeout.toMillis() / 1000.0));
            boolean timedOut = reply.path("timed_out").asBoolean();
            return new ExecResult(ExecResult.SCHEMA_VERSION, reply.path("exit").asInt(), tail(out), tail(err),
                    reply.path("wall_ms").asLong(), 0, 0, timedOut,
                    timedOut ? "the step exceeded its " + timeout.toSeconds() + " s wall-time limit" : null);
        } finally {
            idle.add(w);
        }
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int from = Math.max(0, lines.size() - TAIL_LINES);
        String prefix = from > 0 ? "...[truncated " + from + " lines]\n" : "";
        return prefix + String.join("\n", lines.subList(from, lines.size()));
    }

    @Override
    public void close() {
        for (Worker w : all) {
            w.process.destroyForcibly();
        }
    }

    private static final class Worker {
        private final Process process;
        private final BufferedWriter in;
        private final BufferedReader out;

        Worker(Process process) {
            this.process = process;
            this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        JsonNode call(Map<String, Object> request) throws IOException {
            in.write(JSON.writeValueAsString(request));
            in.newLine();
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new UncheckedIOException(new IOException(
                        "the Python worker exited; check that the interpreter has pandas and scikit-learn"));
            }
            return JSON.readTree(line);
        }
    }
}
