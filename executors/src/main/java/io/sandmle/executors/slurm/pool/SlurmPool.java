package io.sandmle.executors.slurm.pool;

import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.executors.Blocking;
import io.sandmle.executors.slurm.JobWatch;
import io.sandmle.executors.slurm.SlurmCli;
import io.sandmle.executors.slurm.SlurmOptions;
import io.sandmle.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A warm pool on Slurm: pilot jobs, each running a {@link PoolAgent} that serves episodes from warm workers on
 * its node, so a step costs an HTTP call instead of a batch job. A new episode goes to the ready agent with the
 * fewest episodes under {@link PoolOptions#episodesPerAgent()}; when every agent is full a pilot is started, up
 * to {@link PoolOptions#maxAgents()}; agents idle longer than {@link PoolOptions#idleRelease()} are cancelled
 * down to {@link PoolOptions#minAgents()}. An agent whose job ends or that stops answering is lost: its
 * episodes move to other agents. {@link #close()} cancels every pilot.
 */
public final class SlurmPool implements AutoCloseable {

    /** How often idle agents are released and live ones told the harness is still there. */
    private static final Duration TICK = Duration.ofSeconds(1);
    /** An agent exits by itself after this long without a call (the harness died without cancelling it). */
    private static final Duration ORPHAN_AFTER = Duration.ofSeconds(60);
    private static final Duration PING_EVERY = Duration.ofSeconds(10);

    /** Where one episode is served: the agent and the agent's id for it. */
    record Placement(Agent agent, String episode) {
    }

    private final SlurmOptions options;
    private final PoolOptions bounds;
    private final SlurmCli cli;
    private final JobWatch watch;
    private final Path dir;
    private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
    private final List<Agent> agents = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slurm-pool");
        t.setDaemon(true);
        return t;
    });
    private int waiting;
    private int pilots;
    private long lastPingNanos;
    private SandboxException startFailure;
    private boolean closed;

    /** A pool whose pilots register in a fresh folder under {@link PoolOptions#poolDir()}. */
    public SlurmPool(SlurmOptions options, SlurmCli cli, JobWatch watch) throws SandboxException {
        this.options = options;
        this.bounds = options.pool();
        this.cli = cli;
        this.watch = watch;
        try {
            Files.createDirectories(bounds.poolDir());
            this.dir = Files.createTempDirectory(bounds.poolDir(), "pool-");
        } catch (IOException e) {
            throw new SandboxException("Cannot create the Slurm pool's folder under " + bounds.poolDir() + ": "
                    + e.getMessage() + "; set pool-dir to a folder the compute nodes share.", e);
        }
        ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens an episode on the pool. */
    public Sandbox open(SandboxSpec spec) throws SandboxException {
        return new PoolSandbox(this, spec);
    }

    /** The folder pilots register in (one {@code agent-<n>.json} each, with the agent's address, node and pid). */
    public Path folder() {
        return dir;
    }

    /** Places an episode on an agent with room, starting a pilot when none has any. */
    Placement place(SandboxSpec spec) throws SandboxException {
        // One agent that does not answer may have just died; a second in a row means this harness cannot reach them.
        for (int attempt = 0; ; attempt++) {
            Agent agent = reserve();
            try {
                return new Placement(agent, agent.client().open(spec));
            } catch (IOException e) {
                lost(agent, "its agent stopped answering (" + e.getMessage() + ")");
                if (attempt > 0) {
                    throw new SandboxException("The Slurm pool's agent on " + agent.describe() + " registered but "
                            + "does not answer this harness (" + e.getMessage() + "); the harness must reach the "
                            + "compute nodes over TCP, and their logs are in " + dir + ".", e);
                }
            } catch (SandboxException e) {
                release(agent);
                throw e;
            }
        }
    }

    /** The episode ended: closes it on its agent and frees its room. */
    void leave(Placement p) {
        try {
            if (!p.agent().gone.isDone()) {
                p.agent().client().close(p.episode());
            }
        } catch (IOException | SandboxException e) {
            // The agent is going or gone; its sandboxes die with it.
        }
        release(p.agent());
    }

    private synchronized void release(Agent agent) {
        if (--agent.episodes == 0) {
            agent.idleSinceNanos = System.nanoTime();
        }
        notifyAll();
    }

    /** Takes {@code agent} out of the pool for {@code why} (one sentence's end) and cancels its job. */
    void lost(Agent agent, String why) {
        if (!agent.gone.complete(why)) {
            return;
        }
        synchronized (this) {
            agents.remove(agent);
            notifyAll();
        }
        cli.cancel(agent.jobId);
    }

    private synchronized Agent reserve() throws SandboxException {
        long deadline = System.nanoTime() + options.queueTimeout().toNanos();
        waiting++;
        try {
            while (true) {
                if (closed) {
                    throw new SandboxException("The Slurm pool is closed; open episodes before closing the executor.");
                }
                Agent best = agents.stream().filter(Agent::ready).filter(a -> a.episodes < bounds.episodesPerAgent())
                        .min(Comparator.comparingInt(a -> a.episodes)).orElse(null);
                if (best != null) {
                    best.episodes++;
                    return best;
                }
                boolean starting = agents.stream().anyMatch(a -> !a.ready());
                if (!starting && startFailure != null) {
                    throw startFailure;
                }
                if (room() < waiting && agents.size() < bounds.maxAgents()) {
                    startFailure = null;
                    startPilot();
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SandboxException("No agent of the Slurm pool had room for an episode within "
                            + options.queueTimeout().toMinutes() + " min; raise max-agents or episodes-per-agent, or "
                            + "check the partition (squeue).");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("Interrupted while waiting for room in the Slurm pool.", e);
        } finally {
            waiting--;
        }
    }

    /** Episodes the pool can take without a new pilot: free places on ready agents and all of starting ones. */
    private int room() {
        return agents.stream().mapToInt(a -> a.ready() ? bounds.episodesPerAgent() - a.episodes
                : bounds.episodesPerAgent()).sum();
    }

    /** Submits a pilot and waits for its registration on a thread of its own. */
    private void startPilot() throws SandboxException {
        String name = "agent-" + (++pilots) + ".json";
        String jobId = cli.submit(pilotCommand(name), java.util.Map.of(PoolWire.TOKEN_ENV, token));
        Agent agent = new Agent(jobId);
        agents.add(agent);
        // Off the watch's thread: cancelling runs Slurm clients, which would delay every other job's poll.
        watch.finished(jobId).whenComplete((state, error) -> Blocking.run(() -> lost(agent, error != null
                ? "the cluster stopped answering about its job" : "its job ended as " + (state.isEmpty() ? "gone" : state))));
        Blocking.run(() -> awaitRegistration(agent, dir.resolve(name)));
    }

    private List<String> pilotCommand(String name) {
        List<String> argv = new ArrayList<>(List.of("sbatch", "--parsable", "--job-name=sandmle-pool",
                "--output=" + dir.resolve(name.replace(".json", ".log")), "--nodes=1", "--ntasks=1",
                "--mem=" + bounds.memoryPerAgent(), "--time=" + Math.max(1, bounds.pilotTime().toMinutes())));
        // A pilot serves episodes of any limits, so its generic resources are the gres setting alone.
        argv.addAll(options.placement(Limits.defaults()));
        argv.add("--wrap=" + PilotCommand.agent(dir, name, ORPHAN_AFTER, options.gpuDevices()));
        return argv;
    }

    private void awaitRegistration(Agent agent, Path registration) {
        long deadline = System.nanoTime() + options.queueTimeout().toNanos();
        try {
            while (!Files.exists(registration)) {
                if (agent.gone.isDone() || System.nanoTime() > deadline) {
                    failStart(agent, "The Slurm pool's pilot job " + agent.jobId + " did not start an agent ("
                            + agent.gone.getNow("still pending after " + options.queueTimeout().toMinutes() + " min")
                            + "); see " + registration.resolveSibling(registration.getFileName().toString()
                            .replace(".json", ".log")) + ", the partition and QOS.");
                    return;
                }
                Thread.sleep(50);
            }
            agent.registered(Json.MAPPER.readValue(registration.toFile(), PoolWire.Registration.class), token);
        } catch (IOException e) {
            failStart(agent, "The Slurm pool cannot read its agent's registration " + registration + ": "
                    + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            agent.idleSinceNanos = System.nanoTime();
            notifyAll();
        }
    }

    private void failStart(Agent agent, String sentence) {
        synchronized (this) {
            startFailure = new SandboxException(sentence);
        }
        lost(agent, sentence);
    }

    /** Releases idle agents above the minimum and keeps the others from thinking the harness is gone. */
    private void tick() {
        List<Agent> idle = new ArrayList<>();
        List<Agent> live;
        synchronized (this) {
            long now = System.nanoTime();
            long ready = agents.stream().filter(Agent::ready).count();
            for (Agent a : agents) {
                if (a.ready() && a.episodes == 0 && now - a.idleSinceNanos > bounds.idleRelease().toNanos()
                        && ready - idle.size() > bounds.minAgents()) {
                    idle.add(a);
                }
            }
            live = agents.stream().filter(Agent::ready).filter(a -> !idle.contains(a)).toList();
            if (now - lastPingNanos < PING_EVERY.toNanos()) {
                live = List.of();
            } else {
                lastPingNanos = now;
            }
        }
        idle.forEach(a -> lost(a, "released after " + bounds.idleRelease().toSeconds() + " s idle"));
        for (Agent a : live) {
            try {
                a.client().episodes();
            } catch (AgentClient.Unreachable e) {
                lost(a, "its agent stopped answering (" + e.getMessage() + ")");
            } catch (IOException | SandboxException e) {
                // A slow answer is not a lost agent; its job's state decides.
            }
        }
    }

    /** Cancels every pilot (their sandboxes die with their agents) and removes the pool's folder. */
    @Override
    public void close() {
        List<Agent> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(agents);
            notifyAll();
        }
        ticker.shutdownNow();
        all.forEach(a -> lost(a, "the pool was closed"));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A log still being written by a cancelled job; the folder is only registrations and logs.
        }
    }
}
