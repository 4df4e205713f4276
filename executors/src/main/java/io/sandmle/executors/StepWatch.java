package io.sandmle.executors;

import io.sandmle.support.Sizes;

import io.sandmle.api.Limits;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Waits for a running step while enforcing the limits the kernel does not: wall time, CPU time summed
 * over all the step's processes, and the work folder's disk use. Returns what stopped the wait.
 */
public final class StepWatch {

    private static final long POLL_MILLIS = 25;
    private static final int DISK_EVERY = 8;

    private StepWatch() {
    }

    /**
     * How the wait ended.
     *
     * @param exitCode  the step's exit code when it finished by itself, else {@code null}
     * @param violation one sentence naming the limit broken, else {@code null}
     * @param timedOut  the violation was wall or CPU time
     */
    public record Outcome(Integer exitCode, String violation, boolean timedOut) {
    }

    /**
     * Waits for {@code exit} to complete or a limit to break.
     *
     * @param cpuNanos the step's CPU time so far, or a supplier of 0 when it cannot be measured
     */
    public static Outcome await(CompletableFuture<Integer> exit, Limits limits, Path workDir, LongSupplier cpuNanos) {
        long start = System.nanoTime();
        for (int i = 1; ; i++) {
            try {
                return new Outcome(exit.get(POLL_MILLIS, TimeUnit.MILLISECONDS), null, false);
            } catch (TimeoutException e) {
                Outcome broken = brokenLimit(limits, workDir, cpuNanos, start, i % DISK_EVERY == 0);
                if (broken != null) {
                    return broken;
                }
            } catch (ExecutionException e) {
                // The step's runner failed under it (e.g. the step killed its warm worker); its message says so.
                return new Outcome(null, e.getCause().getMessage(), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(null, "The step was cancelled.", false);
            }
        }
    }

    private static Outcome brokenLimit(Limits limits, Path workDir, LongSupplier cpuNanos, long start, boolean disk) {
        if (System.nanoTime() - start > limits.wallTime().toNanos()) {
            return new Outcome(null, wallSentence(limits), true);
        }
        if (cpuNanos.getAsLong() > limits.cpuTime().toNanos()) {
            return new Outcome(null, cpuSentence(limits), true);
        }
        if (disk && DiskUsage.of(workDir) > limits.maxDiskBytes()) {
            return new Outcome(null, diskSentence(limits), false);
        }
        return null;
    }

    /** The sentence for a step stopped at its CPU-time limit. */
    public static String cpuSentence(Limits limits) {
        return "The step used more than its CPU-time limit of " + Sizes.duration(limits.cpuTime()) + " and was killed.";
    }

    /** The sentence for a step stopped at its wall-time limit. */
    public static String wallSentence(Limits limits) {
        return "The step ran past its wall-time limit of " + Sizes.duration(limits.wallTime()) + " and was killed.";
    }

    /** The sentence for a work folder grown past its disk limit. */
    public static String diskSentence(Limits limits) {
        return "The step grew the work folder past its disk limit of " + Sizes.bytes(limits.maxDiskBytes())
                + " and was killed.";
    }
}
