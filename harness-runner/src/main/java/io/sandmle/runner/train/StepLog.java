package io.sandmle.runner.train;

import io.sandmle.runner.rollout.ConsoleProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One progress line per training step on stderr: step k of N, the headline metrics, the step's time and
 * an estimate of the time left from the steps run in this process.
 */
final class StepLog {

    private static final String[] HEADLINE = {"reward", "valid_rate", "medal_rate", "entropy", "train_nll",
            "validation_nll"};

    private final PrintStream out;
    private final int plannedSteps;
    private final long startNanos = System.nanoTime();
    private int stepsRun;

    StepLog(PrintStream out, int plannedSteps) {
        this.out = out;
        this.plannedSteps = plannedSteps;
    }

    synchronized void step(int step, Map<String, Double> metrics) {
        stepsRun++;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "step %d/%s", step,
                plannedSteps > 0 ? String.valueOf(plannedSteps) : "?"));
        for (String name : HEADLINE) {
            Double v = metrics.get(name);
            if (v != null) {
                line.append(String.format(Locale.ROOT, "  %s %.3f", name, v));
            }
        }
        Double seconds = metrics.get("step_seconds");
        if (seconds != null) {
            line.append(String.format(Locale.ROOT, "  %.1fs", seconds));
        }
        if (plannedSteps > step) {
            double perStep = (System.nanoTime() - startNanos) / 1e9 / stepsRun;
            line.append("  ETA ").append(ConsoleProgress.format(Duration.ofSeconds((long) (perStep * (plannedSteps - step)))));
        }
        out.println(line);
        out.flush();
    }
}
