package io.sandmle.executors.slurm;

import io.sandmle.api.SandboxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows the state of every Slurm job an executor has in flight with one {@code squeue} call per
 * {@link #PERIOD} for all of them, instead of one query per job: the controller answers every client, so the
 * harness asks it at most once a second however many steps and pilots run. The polling thread runs only while
 * some job is watched.
 */
public final class JobWatch {

    /** How often the cluster is asked: slurmctld's own scheduling granularity is about a second. */
    public static final Duration PERIOD = Duration.ofSeconds(1);

    /** How long the cluster may fail to answer before every watched job is given up. */
    private static final Duration PATIENCE = Duration.ofMinutes(1);

    private final SlurmCli cli;
    private final Map<String, Watched> jobs = new ConcurrentHashMap<>();
    private Thread poller;
    private long failingSince;

    /** One watched job: its latest state and a future completed with the state it ended in. */
    private record Watched(CompletableFuture<String> started, CompletableFuture<String> finished) {
    }

    public JobWatch(SlurmCli cli) {
        this.cli = cli;
    }

    /**
     * A future completed with the job's final state (COMPLETED, CANCELLED, NODE_FAIL …; "" when Slurm forgot
     * it unseen), or exceptionally when the cluster stops answering for a minute.
     */
    public CompletableFuture<String> finished(String jobId) {
        return watch(jobId).finished();
    }

    /**
     * Waits until the job runs (or has already ended) and returns that state; after {@code timeout} still pending
     * it throws a {@link TimeoutException}.
     */
    public String awaitStart(String jobId, Duration timeout) throws SandboxException, TimeoutException {
        try {
            return watch(jobId).started().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("Interrupted while waiting for the Slurm job " + jobId + " to start.", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof SandboxException s ? s
                    : new SandboxException("Watching the Slurm job " + jobId + " failed: " + e.getCause().getMessage(), e);
        }
    }

    private synchronized Watched watch(String jobId) {
        Watched w = jobs.computeIfAbsent(jobId, id -> new Watched(new CompletableFuture<>(), new CompletableFuture<>()));
        if (poller == null) {
            poller = new Thread(this::pollWhileWatching, "slurm-job-watch");
            poller.setDaemon(true);
            poller.start();
        }
        return w;
    }

    private void pollWhileWatching() {
        while (true) {
            synchronized (this) {
                if (jobs.isEmpty()) {
                    poller = null;
                    return;
                }
            }
            try {
                Map<String, String> states = states(List.copyOf(jobs.keySet()));
                jobs.forEach((id, w) -> update(id, w, states.getOrDefault(id, "")));
                failingSince = 0;
            } catch (SandboxException e) {
                // A busy controller may miss a poll or two; only one silent for a whole minute fails the jobs.
                long now = System.nanoTime();
                failingSince = failingSince == 0 ? now : failingSince;
                if (now - failingSince > PATIENCE.toNanos()) {
                    jobs.values().forEach(w -> {
                        w.started().completeExceptionally(e);
                        w.finished().completeExceptionally(e);
                    });
                    jobs.clear();
                }
            }
            try {
                Thread.sleep(PERIOD.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void update(String id, Watched w, String state) {
        boolean ended = SlurmCli.finished(state);
        if (ended || !state.equals("PENDING") && !state.equals("CONFIGURING")) {
            w.started().complete(state);
        }
        if (ended) {
            w.finished().complete(state);
            jobs.remove(id);
        }
    }

    /** One {@code squeue} for all {@code ids}: id → state; a job Slurm no longer knows is absent. */
    private Map<String, String> states(List<String> ids) throws SandboxException {
        SlurmCli.Answer a = cli.run(List.of("squeue", "--noheader", "--states=all", "--jobs=" + String.join(",", ids),
                "--format=%i %T"));
        Map<String, String> states = new HashMap<>();
        if (!a.ok()) {
            // A single forgotten id is an error to squeue, several are an empty answer.
            if (a.err().contains("Invalid job id")) {
                return states;
            }
            throw SlurmCli.unreachable(a);
        }
        a.out().lines().map(String::trim).map(l -> l.split("\\s+")).filter(f -> f.length == 2)
                .forEach(f -> states.put(f[0], f[1]));
        return states;
    }
}
