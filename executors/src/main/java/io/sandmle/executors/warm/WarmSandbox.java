package io.sandmle.executors.warm;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.executors.OutputCapture;
import io.sandmle.executors.StepEnd;
import io.sandmle.executors.StepFiles;
import io.sandmle.executors.StepWatch;
import io.sandmle.executors.local.Cgroup;
import io.sandmle.executors.local.ColdSandbox;
import io.sandmle.executors.local.LocalEpisode;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Serves an episode's steps from a warm worker started when the episode opens, so a step costs the ML
 * work and not the ~1 s import of pandas and scikit-learn (nor does the episode, when the executor's
 * {@link Zygote} forks the worker). Isolation is the cold path's: the worker lives
 * in the same bubblewrap sandbox and cgroup limits, as the same unprivileged user; after every step the
 * worker's cgroup is swept of anything the step left running. A step runs cold when the worker is not
 * ready in time or has died; a dead worker is replaced in the background.
 */
public final class WarmSandbox implements Sandbox {

    private final LocalEpisode episode;
    private final Duration startup;
    private final ColdSandbox cold;
    private final Optional<Zygote> zygote;
    private WarmWorker worker;
    private int generation;

    /**
     * @param zygote the executor's zygote, which forks the worker into the episode's sandbox; without one (or when
     *               it cannot serve the episode) the worker is started there and imports for itself
     */
    public WarmSandbox(LocalEpisode episode, Duration startup, ColdSandbox cold, Optional<Zygote> zygote) {
        this.episode = episode;
        this.startup = startup;
        this.cold = cold;
        this.zygote = zygote;
        this.worker = startWorker();
    }

    private WarmWorker startWorker() {
        try {
            return WarmWorker.start(episode, ++generation, zygote);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public synchronized ExecResult run(String code) throws SandboxException {
        StepFiles steps = episode.steps();
        int n = steps.add(code);
        if (worker == null || !worker.awaitReady(startup)) {
            replaceWorker();
            return cold.runStep(n);
        }
        return runWarm(n);
    }

    private ExecResult runWarm(int n) throws SandboxException {
        Limits limits = episode.spec().limits();
        StepFiles steps = episode.steps();
        Cgroup cgroup = worker.cgroup();
        cgroup.resetPeak();
        long cpuBase = cgroup.cpuNanos();
        long oomBase = cgroup.oomKills();
        long capBase = cgroup.processLimitHits();
        Path outFifo = WarmWorker.fifo(steps.dir(), "stdout");
        Path errFifo = WarmWorker.fifo(steps.dir(), "stderr");
        OutputCapture out = OutputCapture.start(() -> new FileInputStream(outFifo.toFile()), steps.log(n, "stdout"),
                limits.maxOutputBytes(), limits.tailChars());
        OutputCapture err = OutputCapture.start(() -> new FileInputStream(errFifo.toFile()), steps.log(n, "stderr"),
                limits.maxOutputBytes(), limits.tailChars());
        long start = System.nanoTime();
        CompletableFuture<Integer> exit;
        try {
            exit = worker.run(steps.codeInside(n), Math.max(1, (limits.cpuTime().toMillis() + 999) / 1000));
        } catch (IOException e) {
            exit = CompletableFuture.failedFuture(new IllegalStateException("The warm worker was gone before the step "
                    + "started; a new worker serves the next step.", e));
        }
        StepWatch.Outcome outcome = StepWatch.await(exit, limits, episode.spec().workDir(),
                () -> cgroup.cpuNanos() - cpuBase);
        worker.sweep(outcome.exitCode() != null);
        Integer code = outcome.exitCode() != null ? outcome.exitCode() : exitAfterSweep(exit);
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        unblock(out, outFifo);
        unblock(err, errFifo);
        ExecResult result = new StepEnd(limits, episode.spec().workDir(), outcome, code, out, err, wall,
                (cgroup.cpuNanos() - cpuBase) / 1_000_000, cgroup.peakMemoryBytes(), cgroup.oomKills() > oomBase,
                cgroup.processLimitHits() > capBase).result();
        if (worker.alive()) {
            worker.prepareNextStep();
        } else {
            replaceWorker();
        }
        return result;
    }

    private static Integer exitAfterSweep(CompletableFuture<Integer> exit) {
        try {
            return exit.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Ends a capture whose pipe never got a writer (the worker died before opening it) by opening the
     * write side ourselves; a capture that already ended is left alone.
     */
    private static void unblock(OutputCapture capture, Path fifo) {
        if (capture.await(2_000)) {
            return;
        }
        Thread t = new Thread(() -> {
            try (FileOutputStream ignored = new FileOutputStream(fifo.toFile())) {
                // Opening and closing delivers end-of-file to the blocked reader.
            } catch (IOException e) {
                // The reader is gone already.
            }
        }, "fifo-unblock");
        t.setDaemon(true);
        t.start();
        capture.await(2_000);
    }

    private void replaceWorker() {
        if (worker != null) {
            worker.close();
        }
        worker = startWorker();
    }

    @Override
    public synchronized void close() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
        cold.close();
    }
}
