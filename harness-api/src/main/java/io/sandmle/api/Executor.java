package io.sandmle.api;

import java.util.Map;
import java.util.TreeMap;

/**
 * Runs untrusted agent code. An executor opens one {@link Sandbox} per episode; the local
 * executor uses bubblewrap and warm Python workers, the Slurm executor submits jobs.
 */
public interface Executor extends AutoCloseable {

    /**
     * This executor configured by the config's {@code executor.settings}; a setting wins over an environment
     * variable of the same meaning. An executor without settings refuses any, so none is silently ignored.
     *
     * @throws IllegalArgumentException with one sentence naming a key it does not read
     */
    default Executor withSettings(Map<String, String> settings) {
        if (!settings.isEmpty()) {
            throw new IllegalArgumentException("unknown setting '" + new TreeMap<>(settings).firstKey() + "' for the "
                    + "executor " + getClass().getSimpleName() + "; it takes no settings.");
        }
        return this;
    }

    /**
     * Refuses, before any episode runs, a run this executor cannot serve here: limits it cannot meet (GPUs asked of
     * a machine without any) or an interpreter it cannot run; an executor with nothing to check accepts all.
     *
     * @param limits every step's limits
     * @param python the interpreter the config names for agent code
     * @throws IllegalArgumentException with one sentence saying what is missing and what to do
     */
    default void checkRun(Limits limits, String python) {
    }

    /** Opens an isolated session for one episode. */
    Sandbox open(SandboxSpec spec) throws SandboxException;

    /** Releases shared resources (warm workers, connections). */
    @Override
    default void close() {
    }
}
