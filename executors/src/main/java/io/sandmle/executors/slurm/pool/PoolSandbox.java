package io.sandmle.executors.slurm.pool;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * One episode served by a {@link SlurmPool}: its steps go to the agent it was placed on. When that agent is
 * lost between steps, or a step cannot reach it, the episode is reopened on another agent (its work folder and
 * step files are on the shared file system) and the step runs there; a step whose agent is lost while it runs
 * ends with one sentence, and the next step runs elsewhere.
 */
final class PoolSandbox implements Sandbox {

    private final SlurmPool pool;
    private final SandboxSpec spec;
    private SlurmPool.Placement placement;

    PoolSandbox(SlurmPool pool, SandboxSpec spec) throws SandboxException {
        this.pool = pool;
        this.spec = spec;
        this.placement = pool.place(spec);
    }

    @Override
    public synchronized ExecResult run(String code) throws SandboxException {
        long start = System.nanoTime();
        // A step that never reached its agent is retried once on another; twice unreachable is the cluster's fault.
        for (int attempt = 0; ; attempt++) {
            if (placement == null || placement.agent().gone.isDone()) {
                placement = pool.place(spec);
            }
            Agent agent = placement.agent();
            CompletableFuture<ExecResult> step = agent.client().run(placement.episode(), code, spec.limits().wallTime());
            try {
                Object first = CompletableFuture.anyOf(step, agent.gone).join();
                if (first instanceof ExecResult result) {
                    return result;
                }
                step.cancel(true);
                return lost(agent, (String) first, start);
            } catch (CompletionException e) {
                IOException failure = AgentClient.unwrap(e.getCause());
                pool.lost(agent, "its agent stopped answering (" + failure.getMessage() + ")");
                placement = null;
                if (!(failure instanceof AgentClient.Unreachable) || attempt > 0) {
                    return lost(agent, agent.gone.getNow("it stopped answering"), start);
                }
            }
        }
    }

    private static ExecResult lost(Agent agent, String why, long start) {
        return new ExecResult(ExecResult.SCHEMA_VERSION, -1, "", "",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), 0, 0, false,
                "The Slurm pool lost the node running this step, " + agent.describe() + ": " + why
                        + "; the step did not finish and the next one runs on another node.");
    }

    @Override
    public synchronized void close() {
        if (placement != null) {
            pool.leave(placement);
            placement = null;
        }
    }
}
