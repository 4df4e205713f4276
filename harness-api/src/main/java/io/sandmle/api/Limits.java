package io.sandmle.api;

import java.time.Duration;

/**
 * Resource limits applied to one code step. Executors map them to cgroups, rlimits or Slurm
 * options; a limit they cannot enforce is reported by {@code sandmle doctor}, never ignored silently.
 *
 * @param wallTime        elapsed time before the step is killed
 * @param cpuTime         CPU time across all the step's processes
 * @param memoryBytes     resident memory of the step's processes together
 * @param maxProcesses    processes and threads the step may have at once
 * @param maxOpenFiles    file descriptors per process
 * @param maxOutputBytes  stdout+stderr kept in the full log; output past it is dropped
 * @param maxDiskBytes    size the episode folder may grow to
 * @param tailChars       characters of each stream's end shown to the agent
 * @param gpus            GPUs the episode holds, its own for as long as it runs (0: none, the sandbox shows no GPU)
 */
public record Limits(
        Duration wallTime,
        Duration cpuTime,
        long memoryBytes,
        int maxProcesses,
        int maxOpenFiles,
        long maxOutputBytes,
        long maxDiskBytes,
        int tailChars,
        int gpus) {

    /** Limits without GPUs. */
    public Limits(Duration wallTime, Duration cpuTime, long memoryBytes, int maxProcesses, int maxOpenFiles,
                  long maxOutputBytes, long maxDiskBytes, int tailChars) {
        this(wallTime, cpuTime, memoryBytes, maxProcesses, maxOpenFiles, maxOutputBytes, maxDiskBytes, tailChars, 0);
    }

    /** Defaults sized for micro tasks: 5 min wall, 4 GiB, 256 processes. */
    public static Limits defaults() {
        return new Limits(Duration.ofMinutes(5), Duration.ofMinutes(10), 4L << 30, 256, 1024,
                64L << 20, 2L << 30, 8_000);
    }

    /** A copy with another wall-time limit. */
    public Limits withWallTime(Duration wall) {
        return new Limits(wall, cpuTime, memoryBytes, maxProcesses, maxOpenFiles, maxOutputBytes, maxDiskBytes,
                tailChars, gpus);
    }

    /** A copy asking for {@code count} GPUs. */
    public Limits withGpus(int count) {
        return new Limits(wallTime, cpuTime, memoryBytes, maxProcesses, maxOpenFiles, maxOutputBytes, maxDiskBytes,
                tailChars, count);
    }
}
