package io.sandmle.api;

import java.util.OptionalDouble;

/**
 * One episode's isolated place to run code steps, created by an {@link Executor}. Every executor shows
 * agent code the same two folders, so prompts, scaffolds and policies may name them: the episode's work
 * folder at {@value #WORK_MOUNT} (read-write, the step's working directory) and the task's public files at
 * {@value #DATA_MOUNT} (read-only). Nothing else of the host is visible (docs/CONTRACTS.md §2).
 */
public interface Sandbox extends AutoCloseable {

    /** The agent's read-write working directory inside the sandbox (the episode's work folder). */
    String WORK_MOUNT = "/work";
    /** The task's public files, read-only, inside the sandbox. */
    String DATA_MOUNT = "/data";

    /**
     * Runs {@code code} (Python source) as one step. Never throws for anything the code does:
     * crashes, limits and timeouts are described in the returned {@link ExecResult}.
     */
    ExecResult run(String code) throws SandboxException;

    /**
     * How many seconds this sandbox has held GPUs so far, times how many it holds: 0 when it holds none, empty when
     * the executor cannot tell (a Slurm job's GPUs are the cluster's to account).
     */
    default OptionalDouble gpuSeconds() {
        return OptionalDouble.empty();
    }

    /** Kills whatever of the episode still runs and releases the sandbox. */
    @Override
    void close();
}
