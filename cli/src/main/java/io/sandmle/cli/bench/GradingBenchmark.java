package io.sandmle.cli.bench;

import io.sandmle.api.BenchContext;
import io.sandmle.api.BenchResult;
import io.sandmle.api.BenchResult.Row;
import io.sandmle.api.BenchResult.Unit;
import io.sandmle.api.BenchSize;
import io.sandmle.api.Benchmark;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Grade;
import io.sandmle.api.SandboxSpec;
import io.sandmle.api.Task;
import io.sandmle.api.TaskSuite;
import io.sandmle.runner.plugins.Extensions;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Grades a text-normalization-sized submission (string accuracy, ~1M rows, in order and shuffled) and a ROC-AUC
 * submission (100k rows) through the {@code mle-bench-lite} suite, against the same grades done with pandas and
 * scikit-learn on the same files. Each Java repetition builds a fresh grader, so both sides read both files
 * every time.
 */
public final class GradingBenchmark implements Benchmark {

    /** Untimed Java runs first, so that the JIT has compiled the hot paths before timing starts. */
    private static final int WARM_UPS = 5;
    private static final double TARGET_MILLIS = 1500;
    private static final double TARGET_SPEED_UP = 3;

    /** One grade the benchmark times: which task, which submission, and how the baseline grades it. */
    private record Case(String label, Task task, Path submission, int rows, String kind, String answersFile,
                        String target) {
    }

    private final Extensions extensions;

    @Inject
    public GradingBenchmark(Extensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public String name() {
        return "grading";
    }

    @Override
    public String description() {
        return "MLE-bench grading in Java (mle-bench-lite suite) against pandas + scikit-learn on the same files: "
                + "1M-row string accuracy, in order and shuffled, and 100k-row ROC-AUC; wall and CPU time.";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        BenchSize size = context.size();
        int textRows = size.pick(100_000, 993_465);
        int aucRows = size.pick(20_000, 100_000);
        int repeats = size.pick(3, 7);
        GradingInputs inputs = GradingInputs.write(context.scratch(), textRows, aucRows);
        TaskSuite suite = extensions.create(ExtensionKind.SUITE, "mle-bench-lite");
        Map<String, Task> tasks = suite.load(inputs.data(), Map.of("competitions",
                        GradingInputs.TEXT_NORMALIZATION + "," + GradingInputs.TPS_MAY)).stream()
                .collect(Collectors.toMap(Task::id, Function.identity()));
        Task text = tasks.get(GradingInputs.TEXT_NORMALIZATION);
        Task auc = tasks.get(GradingInputs.TPS_MAY);
        List<Case> cases = List.of(
                new Case("text-normalization (accuracy)", text, inputs.textSubmission(), textRows, "accuracy",
                        "answers.csv", "after"),
                new Case("same, rows shuffled", text, inputs.shuffledTextSubmission(), textRows, "accuracy",
                        "answers.csv", "after"),
                new Case("tabular-may-2022 (roc-auc)", auc, inputs.aucSubmission(), aucRows, "auc", "test.csv",
                        "target"));

        PandasGrading pandas = new PandasGrading(SandboxSpec.DEFAULT_PYTHON, repeats);
        context.out().printf("%-30s %9s %-5s %12s %14s %8s  %s%n", "grade", "rows", "clock", "java median",
                "python median", "speed-up", "scores (java / python)");
        List<Row> rows = new ArrayList<>();
        for (Case c : cases) {
            GradingTimes java = timeJava(suite, c.task(), c.submission(), repeats);
            GradingTimes python = pandas.time(c.kind(), c.submission(), c.task().privateDir().resolve(c.answersFile()),
                    "id", c.target());
            String scores = java.score() + " / " + python.score();
            print(context, c, "wall", java.medianWall(), python.medianWall(), scores);
            print(context, c, "cpu", java.medianCpu(), python.medianCpu(), scores);
            Row wall = Row.of(c.label() + ", wall", java.medianWall(), Unit.MILLISECONDS)
                    .withBaseline(python.medianWall());
            // The target is stated for the string-accuracy grade in the answers' order.
            rows.add(c.label().startsWith("text-normalization") ? wall.withTarget("<= 1500 ms, >= 3x",
                    java.medianWall() <= TARGET_MILLIS && wall.speedUp().getAsDouble() >= TARGET_SPEED_UP) : wall);
            rows.add(Row.of(c.label() + ", cpu", java.medianCpu(), Unit.MILLISECONDS).withBaseline(python.medianCpu()));
        }
        context.out().printf(Locale.ROOT, "medians of %d repetitions per side; Java after %d warm-up runs (cpu ="
                        + " grading thread), Python timed in-process (imports excluded, cpu = process)%n", repeats,
                WARM_UPS);
        return new BenchResult(rows);
    }

    private static void print(BenchContext context, Case c, String clock, double java, double python, String scores) {
        context.out().printf(Locale.ROOT, "%-30s %,9d %-5s %9.0f ms %11.0f ms %7.1fx  %s%n", c.label(), c.rows(), clock,
                java, python, python / java, scores);
    }

    /** Wall and thread-CPU milliseconds of each timed repetition, each with a fresh grader. */
    private static GradingTimes timeJava(TaskSuite suite, Task task, Path submission, int repeats) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        Grade grade = null;
        for (int r = -WARM_UPS; r < repeats; r++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            grade = suite.grader(task).grade(task, submission);
            long elapsed = System.nanoTime() - start;
            long cpuElapsed = threads.getCurrentThreadCpuTime() - cpuStart;
            if (!grade.valid()) {
                throw new IllegalStateException("the benchmark submission was graded invalid: " + grade.reason());
            }
            if (r >= 0) {
                wall[r] = elapsed / 1e6;
                cpu[r] = cpuElapsed / 1e6;
            }
        }
        return new GradingTimes(wall, cpu, String.valueOf(grade.score()));
    }
}
