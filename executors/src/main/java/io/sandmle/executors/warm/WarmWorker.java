package io.sandmle.executors.warm;

import io.sandmle.executors.Blocking;
import io.sandmle.executors.SandboxPaths;
import io.sandmle.executors.local.Cgroup;
import io.sandmle.executors.local.IsolationCommand;
import io.sandmle.executors.local.LocalEpisode;
import io.sandmle.executors.local.Passthrough;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One warm Python interpreter for one episode: inside the episode's sandbox and cgroup with the ML libraries
 * already imported, it forks a child per step (see {@code warm_worker.py}). It is forked into the sandbox by the
 * executor's {@link Zygote} when there is one, else started there as its own process and imports for itself.
 * The worker's processes at rest are remembered, so everything else in its cgroup after a step can be swept.
 */
final class WarmWorker implements AutoCloseable {

    static final String SCRIPT = "warm_worker.py";
    private static final String FIFO_OUT = ".warm-stdout.fifo";
    private static final String FIFO_ERR = ".warm-stderr.fifo";

    /** The zygote path's stand-in for the worker in bubblewrap: it says when the sandbox is up, then holds it. */
    private static final List<String> PLACEHOLDER = List.of("/bin/sh", "-c", "echo ready && exec sleep infinity");

    private final Cgroup cgroup;
    /** The worker itself, or on the zygote path the placeholder whose sandbox the worker joined. */
    private final Process process;
    private final List<Path> controlFifos;
    private final CompletableFuture<Void> ready;
    private volatile Writer control;
    private volatile BufferedReader replies;
    private volatile ProcessHandle forked;
    private volatile CompletableFuture<Void> spare = CompletableFuture.completedFuture(null);
    private volatile List<Long> atRest = List.of();
    /** {@link #atRest} and the parked child that runs the next step. */
    private volatile List<Long> withSpare = List.of();

    /** A worker that is its own process, talking on its stdin and stdout. */
    private WarmWorker(Cgroup cgroup, Process process) {
        this.cgroup = cgroup;
        this.process = process;
        this.controlFifos = List.of();
        this.control = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.ready = Blocking.run(this::awaitReady);
        drainQuietly(process.getErrorStream());
    }

    /** A worker the zygote forks into the sandbox of {@code placeholder}, talking on two host-only fifos. */
    private WarmWorker(Cgroup cgroup, Process placeholder, Zygote zygote, LocalEpisode episode, String name) {
        this.cgroup = cgroup;
        this.process = placeholder;
        this.controlFifos = List.of(zygote.controlFifo(name + ".in"), zygote.controlFifo(name + ".out"));
        this.ready = Blocking.run(() -> {
            enterThrough(zygote, episode);
            awaitReady();
        });
        drainQuietly(placeholder.getErrorStream());
    }

    /**
     * Starts a worker for {@code episode} in a new cgroup, forked by {@code zygote} when it serves the episode's
     * Python, else as its own process; it becomes ready once it has imported (or been forked).
     */
    static WarmWorker start(LocalEpisode episode, int generation, Optional<Zygote> zygote) throws IOException {
        Path steps = episode.steps().dir();
        installScript(steps);
        makeFifos(steps.resolve(FIFO_OUT), steps.resolve(FIFO_ERR));
        Cgroup cgroup = episode.stepCgroup("warm" + generation).orElseThrow(
                () -> new IllegalStateException("warm workers need cgroups"));
        // The zygote's environment is the fixed one; an episode given more of the host (GPUs, a Python environment)
        // has its worker start there and import for itself.
        Optional<Zygote> forker = zygote.filter(z -> z.serves(episode.spec().python())
                && episode.isolation().passthrough().equals(Passthrough.NONE));
        List<String> program = forker.isPresent() ? PLACEHOLDER
                : List.of(episode.spec().python(), SandboxPaths.STEPS + "/" + SCRIPT);
        List<String> argv = episode.isolation().wrap(program, Optional.of(cgroup),
                new IsolationCommand.Rlimits(false, false, false));
        try {
            Process process = new ProcessBuilder(argv).start();
            return forker.isPresent() ? new WarmWorker(cgroup, process, forker.get(), episode,
                    episode.id() + "-warm" + generation) : new WarmWorker(cgroup, process);
        } catch (IOException e) {
            cgroup.close();
            throw e;
        }
    }

    /**
     * Waits for the placeholder's sandbox, then has the zygote fork the worker into it. The orders fifo is opened
     * read-write so neither side waits for the other; the worker holds the replies fifo's write end once forked.
     */
    private void enterThrough(Zygote zygote, LocalEpisode episode) {
        try {
            BufferedReader says = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            if (!"ready".equals(says.readLine())) {
                throw new IllegalStateException("the episode's sandbox did not start");
            }
            long placeholder = process.toHandle().children().findFirst()
                    .flatMap(init -> init.children().findFirst()).map(ProcessHandle::pid)
                    .orElseThrow(() -> new IllegalStateException("the episode's sandbox ended before the worker joined it"));
            Path in = controlFifos.get(0);
            Path out = controlFifos.get(1);
            makeFifos(in, out);
            control = new OutputStreamWriter(new FileOutputStream(new RandomAccessFile(in.toFile(), "rw").getFD()),
                    StandardCharsets.UTF_8);
            IsolationCommand isolation = episode.isolation();
            long pid = zygote.fork(new Zygote.Request(placeholder,
                    cgroup.procsFiles().stream().map(Path::toString).toList(),
                    isolation.rlimitValues(new IsolationCommand.Rlimits(false, false, false)), in.toString(),
                    out.toString(), isolation.user().uid(), isolation.user().gid(), SandboxPaths.WORK,
                    IsolationCommand.environmentInside(), SandboxPaths.STEPS + "/" + SCRIPT));
            forked = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("the worker died at once"));
            replies = new BufferedReader(new InputStreamReader(new FileInputStream(out.toFile()), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** Creates the fifos that do not exist yet, with one {@code mkfifo}. */
    private static void makeFifos(Path... fifos) throws IOException {
        List<String> argv = new ArrayList<>(List.of("mkfifo", "-m", "0666"));
        for (Path fifo : fifos) {
            if (!Files.exists(fifo)) {
                argv.add(fifo.toString());
            }
        }
        if (argv.size() == 3) {
            return;
        }
        try {
            Process p = new ProcessBuilder(argv).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("mkfifo " + argv.subList(3, argv.size()) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating " + argv.subList(3, argv.size()), e);
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
        withSpare = cgroup.members();
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

    /**
     * Kills every process of the cgroup that was not part of the idle worker. After the worker answered
     * {@code EXIT}, the step's own child is spared: the worker has killed it already, and it may still be
     * tearing down its memory (the worker reaps it before the next spare).
     */
    void sweep(boolean answered) {
        cgroup.killAllExcept(answered ? withSpare : atRest);
    }

    boolean alive() {
        ProcessHandle worker = forked;
        return process.isAlive() && (worker == null || worker.isAlive());
    }

    @Override
    public void close() {
        process.destroyForcibly();
        cgroup.close();
        for (Path fifo : controlFifos) {
            // A reader still waiting for the worker to open its end gets end-of-file instead of waiting forever.
            if (!Files.exists(fifo)) {
                continue;
            }
            try (RandomAccessFile unblock = new RandomAccessFile(fifo.toFile(), "rw")) {
                Files.deleteIfExists(fifo);
            } catch (IOException e) {
                // Never created, or gone already.
            }
        }
    }
}
