package io.sandmle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Grade;
import io.sandmle.api.Task;
import io.sandmle.api.TaskSuite;
import io.sandmle.cli.bench.BenchTable;
import io.sandmle.support.Quantiles;
import io.sandmle.runner.plugins.Extensions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sandmle bench grading}: grades a text-normalization-sized submission (string accuracy,
 * ~1M rows) and a ROC-AUC submission (100k rows) through the mle-bench-lite suite, and the same
 * grading with pandas + scikit-learn under Python on the same files; prints medians and ratios.
 * Each Java repetition builds a fresh grader, so both sides read both CSV files every time.
 */
@Command(name = "grading", mixinStandardHelpOptions = true,
        description = "Time MLE-bench grading in Java against pandas + scikit-learn on the same generated files.")
public final class GradingBench implements Callable<Integer> {

    private static final String TEXT_NORM = "text-normalization-challenge-english-language";
    private static final String TPS_MAY = "tabular-playground-series-may-2022";
    /** Untimed Java runs first, so that the JIT has compiled the hot paths before timing starts. */
    private static final int WARM_UPS = 5;

    @Option(names = "--rows", defaultValue = "993465", description = "Rows of the text-normalization submission (default: the real answers' size).")
    int rows;

    @Option(names = "--auc-rows", defaultValue = "100000", description = "Rows of the ROC-AUC submission.")
    int aucRows;

    @Option(names = "--repeats", defaultValue = "7", description = "Timed repetitions per side (after 5 untimed Java warm-ups).")
    int repeats;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Interpreter with pandas and scikit-learn.")
    String python;

    @Mixin
    PluginPathOption pluginPath;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("sandmle-bench-grading");
        try {
            Random rnd = new Random(42);
            Path textSub = writeTextNormalization(work, rnd);
            Path shuffledTextSub = shuffledCopy(textSub, rnd);
            Path aucSub = writeAuc(work, rnd);
            Extensions extensions = pluginPath.load();
            TaskSuite suite = extensions.create(ExtensionKind.SUITE, "mle-bench-lite");
            List<Task> tasks = suite.load(work.resolve("data"), Map.of("competitions", TEXT_NORM + "," + TPS_MAY));
            System.out.printf("%-30s %9s %-7s %12s %14s %8s  %s%n", "bench", "rows", "time", "java median",
                    "python median", "speed-up", "scores (java / python)");
            List<Object[]> runs = new ArrayList<>();
            for (Task task : tasks) {
                if (task.id().equals(TEXT_NORM)) {
                    runs.add(new Object[] {task, textSub, "text-normalization (accuracy)"});
                    runs.add(new Object[] {task, shuffledTextSub, "  same, rows shuffled"});
                } else {
                    runs.add(new Object[] {task, aucSub, "tabular-may-2022 (roc-auc)"});
                }
            }
            for (Object[] run : runs) {
                Task task = (Task) run[0];
                Path sub = (Path) run[1];
                boolean text = task.id().equals(TEXT_NORM);
                double[][] java = timeJava(suite, task, sub);
                Grade g = suite.grader(task).grade(task, sub);
                JsonNode py = timePython(text ? "accuracy" : "auc", sub,
                        task.privateDir().resolve(text ? "answers.csv" : "test.csv"), "id", text ? "after" : "target");
                String name = (String) run[2];
                String scores = g.score() + " / " + py.get("score").asText();
                print(name, text ? rows : aucRows, "wall", java[0], millis(py.get("seconds")), scores);
                print(name, text ? rows : aucRows, "cpu", java[1], millis(py.get("cpu_seconds")), scores);
            }
            System.out.printf("medians of %d repetitions per side; Java after " + WARM_UPS + " warm-up runs (cpu = grading thread),"
                    + " Python timed in-process (imports excluded, cpu = process); %d cores, load average %.1f%n",
                    repeats, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            return SandmleCommand.OK;
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void print(String name, int rows, String clock, double[] java, double[] python, String scores) {
        double j = Quantiles.median(java);
        double p = Quantiles.median(python);
        System.out.printf(Locale.ROOT, "%-30s %,9d %-7s %9.0f ms %11.0f ms %7.1fx  %s%n", name, rows, clock, j, p, p / j,
                scores);
        boolean textWall = name.startsWith("text-normalization") && clock.equals("wall");
        BenchTable.record(new BenchTable.Row("grading " + name.strip() + ", " + clock + " (pandas+sklearn baseline)", j, p, "ms",
                textWall ? "<= 1500 ms, >= 3x" : "-", textWall ? j <= 1500 && p / j >= 3 : null));
    }

    private static double[] millis(JsonNode seconds) {
        double[] out = new double[seconds.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = seconds.get(i).asDouble() * 1000;
        }
        return out;
    }

    /** Wall and thread-CPU milliseconds of each timed repetition. */
    private double[][] timeJava(TaskSuite suite, Task task, Path submission) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[][] ms = new double[2][repeats];
        for (int r = -WARM_UPS; r < repeats; r++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            Grade g = suite.grader(task).grade(task, submission);
            long elapsed = System.nanoTime() - start;
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            if (!g.valid()) {
                throw new IllegalStateException("the benchmark submission was graded invalid: " + g.reason());
            }
            if (r >= 0) {
                ms[0][r] = elapsed / 1e6;
                ms[1][r] = cpu / 1e6;
            }
        }
        return ms;
    }

    private JsonNode timePython(String kind, Path sub, Path answers, String id, String target) throws Exception {
        Path script = Files.createTempFile("grading_baseline", ".py");
        try (InputStream in = GradingBench.class.getResourceAsStream("grading_baseline.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Process p = new ProcessBuilder(python, script.toString(), kind, sub.toString(), answers.toString(), id, target,
                    String.valueOf(repeats)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(python + " could not run the pandas baseline; install python3-pandas and"
                        + " python3-sklearn or pass --python");
            }
            return GradingOptions.JSON.readTree(new String(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** answers.csv and a submission (same ids, 93% right) in MLE-bench's prepared layout. */
    private Path writeTextNormalization(Path work, Random rnd) throws IOException {
        Path priv = work.resolve("data").resolve(TEXT_NORM).resolve("prepared/private");
        Files.createDirectories(priv);
        Files.createDirectories(work.resolve("data").resolve(TEXT_NORM).resolve("prepared/public"));
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            vocabulary.add(i % 97 == 0 ? "\"" + word(rnd) + ", " + word(rnd) + "\"" : word(rnd));
        }
        vocabulary.add("sil.");
        Path sub = work.resolve("text_submission.csv");
        try (BufferedWriter a = Files.newBufferedWriter(priv.resolve("answers.csv"));
             BufferedWriter s = Files.newBufferedWriter(sub)) {
            a.write("id,after\n");
            s.write("id,after\n");
            for (int i = 0; i < rows; i++) {
                String id = (i / 12) + "_" + (i % 12);
                String after = vocabulary.get(rnd.nextInt(vocabulary.size()));
                a.write(id + "," + after + "\n");
                s.write(id + "," + (rnd.nextInt(100) < 93 ? after : "wrong") + "\n");
            }
        }
        return sub;
    }

    /** The same submission with its data rows in random order (ids must then be matched, not just compared). */
    private static Path shuffledCopy(Path submission, Random rnd) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(submission));
        List<String> body = lines.subList(1, lines.size());
        java.util.Collections.shuffle(body, rnd);
        Path out = submission.resolveSibling("shuffled_" + submission.getFileName());
        Files.write(out, lines);
        return out;
    }

    /** test.csv (id,target) and a probability submission with shuffled rows. */
    private Path writeAuc(Path work, Random rnd) throws IOException {
        Path priv = work.resolve("data").resolve(TPS_MAY).resolve("prepared/private");
        Files.createDirectories(priv);
        Files.createDirectories(work.resolve("data").resolve(TPS_MAY).resolve("prepared/public"));
        Path sub = work.resolve("auc_submission.csv");
        int[] target = new int[aucRows];
        try (BufferedWriter a = Files.newBufferedWriter(priv.resolve("test.csv"))) {
            a.write("id,target\n");
            for (int i = 0; i < aucRows; i++) {
                target[i] = rnd.nextInt(2);
                a.write((900000 + i) + "," + target[i] + "\n");
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < aucRows; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, rnd);
        try (BufferedWriter s = Files.newBufferedWriter(sub)) {
            s.write("id,target\n");
            for (int i : order) {
                double p = Math.min(1, Math.max(0, 0.35 * target[i] + 0.65 * rnd.nextDouble()));
                s.write((900000 + i) + "," + p + "\n");
            }
        }
        return sub;
    }

    private static String word(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int len = 2 + rnd.nextInt(9);
        for (int i = 0; i < len; i++) {
            sb.append((char) ('a' + rnd.nextInt(26)));
        }
        return sb.toString();
    }
}
