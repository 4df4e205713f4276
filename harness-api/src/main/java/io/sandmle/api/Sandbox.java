package io.sandmle.api;

/** One episode's isolated place to run code steps, created by an {@link Executor}. */
public interface Sandbox extends AutoCloseable {

    /**
     * Runs {@code code} (Python source) as one step. Never throws for anything the code does:
     * crashes, limits and timeouts are described in the returned {@link ExecResult}.
     */
    ExecResult run(String code) throws SandboxException;

    /** Kills whatever of the episode still runs and releases the sandbox. */
    @Override
    void close();
}
