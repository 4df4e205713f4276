package io.sandmle.executors.slurm.pool;

import java.util.concurrent.CompletableFuture;

/**
 * The harness's view of one pilot job: its Slurm id, its agent's address once registered, how many episodes it
 * holds, and a future completed with one sentence when it is lost (its job ended, its agent stopped answering).
 * The episode counts are guarded by the {@link SlurmPool} that owns the agent.
 */
final class Agent {

    final String jobId;
    final CompletableFuture<String> gone = new CompletableFuture<>();
    private volatile AgentClient client;
    private volatile PoolWire.Registration registration;
    int episodes;
    long idleSinceNanos = System.nanoTime();

    Agent(String jobId) {
        this.jobId = jobId;
    }

    /** True once the agent registered and until it is lost. */
    boolean ready() {
        return client != null && !gone.isDone();
    }

    void registered(PoolWire.Registration r, String token) {
        registration = r;
        client = new AgentClient(r.url(), token);
    }

    AgentClient client() {
        return client;
    }

    /** Where it runs, for sentences: {@code node1 (job 42)}. */
    String describe() {
        PoolWire.Registration r = registration;
        return (r == null ? "a node" : r.host()) + " (job " + jobId + ")";
    }
}
