package io.sandmle.api;

/**
 * Runs untrusted agent code. An executor opens one {@link Sandbox} per episode; the local
 * executor uses bubblewrap and warm Python workers, the Slurm executor submits jobs.
 */
public interface Executor extends AutoCloseable {

    /** Opens an isolated session for one episode. */
    Sandbox open(SandboxSpec spec) throws SandboxException;

    /** Releases shared resources (warm workers, connections). */
    @Override
    default void close() {
    }
}
