package io.sandmle.executors.warm;

import io.sandmle.executors.Blocking;
import io.sandmle.executors.SandboxPaths;
import io.sandmle.executors.local.Cgroup;
import io.sandmle.executors.local.IsolationCommand;
import io.sandmle.executors.local.LocalEpisode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One warm Python interpreter for one episode: started inside the episode's sandbox and cgroup with the ML
 * libraries already imported, it forks a child per step (see {@code warm_worker.py}). The worker's
 * processes at rest are remembered, so everything else in its cgroup after a step can be swept.
 */
final class WarmWorker implements AutoCloseable {

    static final String SCRIPT = "warm_worker.py";
    private static final String FIFO_OUT = ".warm-stdout.fifo";
    private static final String FIFO_ERR = ".warm-stderr.fifo";

    private final Cgroup cgroup;
    private final Process process;
    private final Writer control;
    private final BufferedReader replies;
    private final CompletableFuture<Void> ready;
    private volatile CompletableFuture<Void> spare = CompletableFuture.completedFuture(null);
    private volatile List<Long> atRest = List.of();

    private WarmWorker(Cgroup cgroup, Process process) {
        this.cgroup = cgroup;
        this.process = process;
        this.control = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.ready = Blocking.run(this::awaitReady);
        drainQuietly(process.getErrorStream());
    }

    /** Starts a worker for {@code episode} in a new cgroup; it becomes ready once its imports finish. */
    static WarmWorker start(LocalEpisode episode, int generation) throws IOException {
        Path steps = episode.steps().dir();
        installScript(steps);
        for (String fifo : List.of(FIFO_OUT, FIFO_ERR)) {
            makeFifo(steps.resolve(fifo));
        }
        Cgroup cgroup = episode.stepCgroup("warm" + generation).orElseThrow(
                () -> new IllegalStateException("warm workers need cgroups"));
        List<String> program = List.of(episode.spec().python(), SandboxPaths.STEPS + "/" + SCRIPT);
        List<String> argv = episode.isolation().wrap(program, java.util.Optional.of(cgroup),
                new IsolationCommand.Rlimits(false, false, false));
        try {
            return new WarmWorker(cgroup, new ProcessBuilder(argv).start());
        } catch (IOException e) {
            cgroup.close();
            throw e;
        }
    }

    private static void installScript(Path steps) throws IOException {
        try (InputStream in = WarmWorker.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("the warm worker script is missing from the harness jar");
            }
            Files.copy(in, steps.resolve(SCRIPT), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void makeFifo(Path fifo) throws IOException {
        if (Files.exists(fifo)) {
            return;
        }
        try {
            Process p = new ProcessBuilder("mkfifo", "-m", "0666", fifo.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("mkfifo " + fifo + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating " + fifo, e);
        }
    }

    private void awaitReady() {
        expect("READY", "the warm worker exited before it was ready");
        // Taken before any spare child exists: a sweep (always after a step, before the next spare) spares
        // only these, so the step's own child is never among them.
        atRest = cgroup.members();
        askForSpare();
    }

    /** Has the worker fork the next step's child now. */
    private void askForSpare() {
        try {
            control.write("SPARE\n");
            control.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        expect("SPARED", "the warm worker died while forking");
    }

    private void expect(String reply, String otherwise) {
        try {
            if (!reply.equals(replies.readLine())) {
                throw new IllegalStateException(otherwise);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After a step has been swept: forks the next step's child in the background, so that cost falls
     * between steps (while the agent thinks) rather than inside the next one.
     */
    void prepareNextStep() {
        spare = Blocking.run(this::askForSpare);
    }

    private static void drainQuietly(InputStream stream) {
        Thread t = new Thread(() -> {
            try (stream) {
                stream.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                // The worker is gone; its exit is noticed on the control pipe.
            }
        }, "warm-worker-stderr");
        t.setDaemon(true);
        t.start();
    }

    /** Waits up to {@code timeout} for the imports; false if the worker failed or is still importing. */
    boolean awaitReady(Duration timeout) {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return process.isAlive();
        } catch (Exception e) {
            return false;
        }
    }

    /** The host path of the pipe carrying a step's {@code stdout} or {@code stderr}. */
    static Path fifo(Path stepsDir, String stream) {
        return stepsDir.resolve("stdout".equals(stream) ? FIFO_OUT : FIFO_ERR);
    }

    /**
     * Asks the worker to run one saved step; the future completes with its exit code, or exceptionally
     * when the worker dies during the step.
     */
    CompletableFuture<Integer> run(String codeInside, long cpuSeconds) throws IOException {
        try {
            spare.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the warm worker did not prepare the step: " + e.getMessage(), e);
        }
        String out = SandboxPaths.STEPS + "/" + FIFO_OUT;
        String err = SandboxPaths.STEPS + "/" + FIFO_ERR;
        control.write("RUN " + codeInside + " " + out + " " + err + " " + cpuSeconds + "\n");
        control.flush();
        return Blocking.supply(this::readExit);
    }

    private Integer readExit() {
        try {
            String line = replies.readLine();
            if (line == null || !line.startsWith("EXIT ")) {
                throw new IllegalStateException("The step killed its warm worker (its parent process) and was stopped; "
                        + "a new worker serves the next step.");
            }
            return Integer.parseInt(line.substring(5).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The worker's cgroup (limits, CPU, memory, the sweep). */
    Cgroup cgroup() {
        return cgroup;
    }

    /** Kills every process of the cgroup that was not part of the idle worker. */
    void sweep() {
        List<Long> keep = atRest;
        cgroup.killAllExcept(keep);
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        cgroup.close();
    }
}
