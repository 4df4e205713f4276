package io.sandmle.executors.slurm.pool;

import io.sandmle.api.Limits;
import io.sandmle.api.SandboxSpec;
import java.nio.file.Path;
import java.time.Duration;

/** The JSON a pool agent and the harness exchange: episode specs and registration records. */
final class PoolWire {

    /** The header carrying the pool's token on every request; an agent answers no one without it. */
    static final String TOKEN_HEADER = "X-Sandmle-Pool-Token";
    /** The environment variable a pilot job receives the token in (never its command line, which others can see). */
    static final String TOKEN_ENV = "SANDMLE_POOL_TOKEN";

    private PoolWire() {
    }

    /** A {@link SandboxSpec} as JSON: paths as strings, durations in milliseconds. */
    record Spec(String workDir, String inputDir, String python, long wallMillis, long cpuMillis, long memoryBytes,
                int maxProcesses, int maxOpenFiles, long maxOutputBytes, long maxDiskBytes, int tailChars, int gpus,
                boolean allowUnsafe) {

        static Spec of(SandboxSpec s) {
            Limits l = s.limits();
            return new Spec(s.workDir().toString(), s.inputDir() == null ? null : s.inputDir().toString(), s.python(),
                    l.wallTime().toMillis(), l.cpuTime().toMillis(), l.memoryBytes(), l.maxProcesses(),
                    l.maxOpenFiles(), l.maxOutputBytes(), l.maxDiskBytes(), l.tailChars(), l.gpus(), s.allowUnsafe());
        }

        SandboxSpec toSpec() {
            return new SandboxSpec(Path.of(workDir), inputDir == null ? null : Path.of(inputDir), python,
                    new Limits(Duration.ofMillis(wallMillis), Duration.ofMillis(cpuMillis), memoryBytes, maxProcesses,
                            maxOpenFiles, maxOutputBytes, maxDiskBytes, tailChars, gpus), allowUnsafe);
        }
    }

    /** The agent's answer to opening an episode. */
    record Opened(String episode) {
    }

    /** An agent's health: how many episodes it holds. */
    record Health(int episodes) {
    }

    /**
     * What a started agent writes to the pool folder.
     *
     * @param url   where it serves, e.g. {@code http://10.0.0.7:41234}
     * @param host  the node's name
     * @param pid   the agent's process id on that node
     */
    record Registration(String url, String host, long pid) {
    }
}
