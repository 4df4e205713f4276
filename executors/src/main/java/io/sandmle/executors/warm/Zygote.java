package io.sandmle.executors.warm;

import io.sandmle.api.Limits;
import io.sandmle.executors.SandboxPaths;
import io.sandmle.executors.local.Cgroup;
import io.sandmle.executors.local.Cgroups;
import io.sandmle.executors.local.IsolationCommand;
import io.sandmle.executors.local.SandboxUser;
import io.sandmle.support.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The executor's one pre-imported parent of every episode's warm worker. It imports and warms the ML stack
 * once ({@code warm_worker.py zygote}), then per episode forks a child that takes the episode worker's cgroup,
 * rlimits and control pipes while still on the host, joins the namespaces of a placeholder that bubblewrap
 * started for the episode (mounts, pid, network, ipc, uts, cgroup), forks the worker inside and drops to the
 * sandbox user as setpriv does. Opening an episode then costs a fork instead of a ~1 s import. It runs as root
 * (joining a mount namespace needs it) in its own cgroup under the harness's, so its CPU is counted as the
 * sandboxes' is. A dead zygote is restarted by the next episode; one that cannot work is refused once, with one
 * logged sentence, and episodes start their own workers as before.
 */
public final class Zygote implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Zygote.class.getName());
    /**
     * Runs the worker script read from stdin, compiled under its in-sandbox name: the command line and code of the
     * zygote are its workers', so they name no host path.
     */
    private static final String BOOT = "import sys; exec(compile(sys.stdin.buffer.read(int(sys.argv[1])), sys.argv[2], "
            + "'exec'))";

    private final String python;
    private final Cgroups cgroups;
    private final Path home;
    private Process process;
    private Cgroup cgroup;
    private Writer requests;
    private BufferedReader replies;
    private boolean forkedOnce;
    private String refusal;

    private Zygote(String python, Cgroups cgroups, Path home) {
        this.python = python;
        this.cgroups = cgroups;
        this.home = home;
    }

    /**
     * A zygote for episodes run with {@code python}, or empty when this harness cannot have one (not root, or no
     * cgroups to put its forks in); its start is deferred to the first episode.
     */
    public static Optional<Zygote> forMachine(SandboxUser user, Cgroups cgroups, String python) {
        if (!user.dropFromRoot() || cgroups.layout() == Cgroups.Layout.NONE) {
            LOG.log(System.Logger.Level.INFO, "Warm workers start without a zygote (each imports the ML libraries): "
                    + "joining an episode's sandbox from outside needs the harness to run as root with cgroups.");
            return Optional.empty();
        }
        try {
            Path home = Files.createTempDirectory("sandmle-zygote-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return Optional.of(new Zygote(python, cgroups, home));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Warm workers start without a zygote: cannot create its folder ("
                    + e.getMessage() + ").");
            return Optional.empty();
        }
    }

    /**
     * What the zygote's child needs to put a worker into one episode's sandbox (host paths: the child reads them
     * before it enters).
     *
     * @param placeholderPid a process inside the episode's bubblewrap sandbox, whose namespaces are joined
     * @param cgroupProcs    the worker cgroup's {@code cgroup.procs} files
     * @param rlimits        the rlimits bubblewrap's {@code prlimit} would set
     * @param controlIn      the fifo the worker reads its orders from
     * @param controlOut     the fifo the worker replies on
     * @param uid            the sandbox user
     * @param gid            its group
     * @param workDir        the worker's folder inside the sandbox
     * @param environment    the worker's environment, bubblewrap's (the libraries' imports added to the zygote's)
     * @param scriptInside   the worker script's path inside the sandbox ({@code sys.argv[0]}, as on the cold path)
     */
    record Request(long placeholderPid, List<String> cgroupProcs, List<IsolationCommand.Rlimit> rlimits,
                   String controlIn, String controlOut, int uid, int gid, String workDir, Map<String, String> environment,
                   String scriptInside) {
    }

    /** Whether an episode run with {@code python} can get its worker from this zygote. */
    synchronized boolean serves(String episodePython) {
        return refusal == null && python.equals(episodePython);
    }

    /** A root-only host path for one of an episode's control pipes. */
    Path controlFifo(String name) {
        return home.resolve(name);
    }

    /**
     * Forks a worker into the sandbox {@code request} names, starting (or restarting) the zygote first;
     * returns the worker's host pid.
     *
     * @throws IOException when the zygote could not start or the fork failed; the message says why
     */
    synchronized long fork(Request request) throws IOException {
        if (refusal != null) {
            throw new IOException(refusal);
        }
        if (process == null || !process.isAlive()) {
            start();
        }
        String reply;
        try {
            requests.write(Json.write(request) + "\n");
            requests.flush();
            reply = replies.readLine();
        } catch (IOException e) {
            reply = null;
        }
        if (reply == null) {
            stop();
            throw new IOException("the zygote died while forking; the next episode starts a new one");
        }
        if (reply.startsWith("WORKER ")) {
            forkedOnce = true;
            return Long.parseLong(reply.substring(7).trim());
        }
        String reason = reply.startsWith("FAILED ") ? reply.substring(7) : reply;
        if (!forkedOnce) {
            refuse("its first fork failed (" + reason + ")");
        }
        throw new IOException("the zygote could not start the episode's worker: " + reason);
    }

    private void start() throws IOException {
        stop();
        byte[] script;
        try (InputStream in = Zygote.class.getResourceAsStream(WarmWorker.SCRIPT)) {
            if (in == null) {
                throw new IOException("the warm worker script is missing from the harness jar");
            }
            script = in.readAllBytes();
        }
        cgroup = cgroups.open("zygote-" + UUID.randomUUID(), Limits.defaults().memoryBytes(),
                Limits.defaults().maxProcesses()).orElseThrow(() -> new IOException("the zygote needs cgroups"));
        // -s: the host's user site-packages are not the sandbox's; the environment is exactly the sandbox's.
        List<String> argv = List.of(python, "-s", "-c", BOOT, Integer.toString(script.length),
                SandboxPaths.STEPS + "/" + WarmWorker.SCRIPT, "zygote");
        ProcessBuilder builder = new ProcessBuilder(argv).directory(Path.of("/").toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(IsolationCommand.environmentInside());
        try {
            process = builder.start();
        } catch (IOException e) {
            refuse("cannot start " + python + " (" + e.getMessage() + ")");
            throw new IOException(refusal, e);
        }
        // Joined before it gets its script, so all its imports are counted as sandbox CPU (no shell in between:
        // one would rewrite PWD, which the workers' /proc/self/environ shows).
        cgroup.admit(process.pid());
        process.getOutputStream().write(script);
        process.getOutputStream().flush();
        requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        if (!"READY".equals(replies.readLine())) {
            stop();
            refuse("it exited while importing");
            throw new IOException(refusal);
        }
    }

    private void refuse(String why) {
        refusal = "the zygote cannot serve warm workers: " + why;
        LOG.log(System.Logger.Level.WARNING, "Warm workers start without a zygote from now on (each imports the ML "
                + "libraries): " + why + ".");
    }

    private void stop() {
        if (process != null) {
            process.destroyForcibly();
            process = null;
        }
        if (cgroup != null) {
            cgroup.close();
            cgroup = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
        try (var files = Files.list(home)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(home);
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
