package io.sandmle.executors.local;

import io.sandmle.api.Limits;
import io.sandmle.executors.SandboxPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the command line that runs a program isolated: join the step's cgroup, set rlimits, enter a
 * bubblewrap sandbox (no network, fresh pid/ipc/uts namespaces, read-only system, public data read-only
 * at {@value SandboxPaths#DATA}, the work folder read-write at {@value SandboxPaths#WORK}, nothing else of
 * the host), and drop to the unprivileged {@link SandboxUser}. The cold path, warm workers and Slurm jobs
 * all use this one builder, so their isolation is the same.
 *
 * @param bwrap   the bubblewrap binary
 * @param user    who code runs as
 * @param workDir the episode's work folder (host path)
 * @param dataDir the episode's view of the task's public folder ({@link io.sandmle.executors.DataMirror}; host
 *                path), or {@code null}
 * @param stepsDir the episode's step files (host path)
 * @param limits  the per-step limits
 * @param passthrough what this sandbox is given of the host besides (GPUs, a Python environment)
 */
public record IsolationCommand(Path bwrap, SandboxUser user, Path workDir, Path dataDir, Path stepsDir,
                               Limits limits, Passthrough passthrough) {

    /** A command giving the sandbox nothing of the host beyond the fixed view. */
    public IsolationCommand(Path bwrap, SandboxUser user, Path workDir, Path dataDir, Path stepsDir, Limits limits) {
        this(bwrap, user, workDir, dataDir, stepsDir, limits, Passthrough.NONE);
    }

    /** System folders shared read-only with the sandbox (Debian's Python and its libraries live in /usr). */
    private static final List<String> SYSTEM_FILES = List.of("/etc/alternatives", "/etc/ld.so.cache",
            "/etc/localtime", "/etc/mime.types");

    /**
     * The environment code sees, and nothing else of the harness's: bubblewrap's {@code --clearenv --setenv} list,
     * and what the zygote starts with (its workers inherit it).
     */
    public static final Map<String, String> ENVIRONMENT = environment();

    /** {@link #ENVIRONMENT} and the {@code PWD} bubblewrap's {@code --chdir} adds: all a sandboxed process sees. */
    public static Map<String, String> environmentInside() {
        Map<String, String> env = new LinkedHashMap<>(ENVIRONMENT);
        env.put("PWD", SandboxPaths.WORK);
        return env;
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", SandboxPaths.WORK);
        env.put("LANG", "C.UTF-8");
        env.put("MPLCONFIGDIR", "/tmp");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("SANDMLE_DATA_DIR", SandboxPaths.DATA);
        return Collections.unmodifiableMap(env);
    }

    /**
     * The full command: {@code [join cgroup] prlimit … bwrap … [setpriv …] program}.
     *
     * @param program          the program and arguments, with paths as seen inside the sandbox
     * @param cgroup   the group to join first, or empty
     * @param rlimits  which optional rlimits to set
     */
    public List<String> wrap(List<String> program, Optional<Cgroup> cgroup, Rlimits rlimits) {
        List<String> argv = new ArrayList<>();
        cgroup.ifPresent(g -> argv.addAll(joinCgroup(g)));
        argv.addAll(rlimits(rlimits));
        argv.addAll(bubblewrap());
        if (user.dropFromRoot()) {
            argv.addAll(List.of("/usr/bin/setpriv", "--reuid=" + user.uid(), "--regid=" + user.gid(),
                    "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));
        }
        argv.addAll(program);
        return argv;
    }

    /** A shell that writes its own pid into each cgroup, then becomes the rest of the command. */
    private static List<String> joinCgroup(Cgroup g) {
        StringBuilder script = new StringBuilder();
        for (Path procs : g.procsFiles()) {
            script.append("echo $$ > '").append(procs).append("' && ");
        }
        script.append("exec \"$@\"");
        return List.of("/bin/sh", "-c", script.toString(), "sandmle-join");
    }

    /**
     * The rlimits set besides open files, file size and core dumps (always set).
     *
     * @param cpu       per-process CPU time (not for a warm worker, whose children set their own)
     * @param memory    address space (only where no cgroup caps memory)
     * @param processes the user's processes (only where no cgroup caps them)
     */
    public record Rlimits(boolean cpu, boolean memory, boolean processes) {
    }

    /**
     * One resource limit, named as {@code prlimit} and Python's {@code resource.RLIMIT_*} name it.
     *
     * @param name lower-case resource name ({@code nofile}, {@code fsize}, …)
     * @param soft the soft limit
     * @param hard the hard limit
     */
    public record Rlimit(String name, long soft, long hard) {
    }

    /** The rlimits a program wrapped with {@code which} gets (the zygote sets the same ones itself). */
    public List<Rlimit> rlimitValues(Rlimits which) {
        long cpuSeconds = Math.max(1, (limits.cpuTime().toMillis() + 999) / 1000);
        List<Rlimit> values = new ArrayList<>(List.of(
                new Rlimit("nofile", limits.maxOpenFiles(), limits.maxOpenFiles()),
                new Rlimit("fsize", limits.maxDiskBytes(), limits.maxDiskBytes()),
                new Rlimit("core", 0, 0)));
        if (which.cpu()) {
            values.add(new Rlimit("cpu", cpuSeconds, cpuSeconds + 1));
        }
        if (which.memory()) {
            values.add(new Rlimit("as", limits.memoryBytes(), limits.memoryBytes()));
        }
        if (which.processes()) {
            values.add(new Rlimit("nproc", limits.maxProcesses(), limits.maxProcesses()));
        }
        return values;
    }

    private List<String> rlimits(Rlimits which) {
        List<String> argv = new ArrayList<>(List.of("prlimit"));
        rlimitValues(which).forEach(r -> argv.add("--" + r.name() + "=" + r.soft() + ":" + r.hard()));
        return argv;
    }

    private List<String> bubblewrap() {
        List<String> argv = new ArrayList<>(List.of(bwrap.toString(),
                "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
                "--die-with-parent", "--new-session", "--hostname", "sandbox",
                "--ro-bind", "/usr", "/usr",
                "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
                "--proc", "/proc", "--dev", "/dev",
                // Explicit directories get mode 0755; parents bwrap creates implicitly would be 0700.
                "--dir", "/etc", "--dir", "/run", "--dir", "/run/sandmle",
                "--size", Long.toString(Math.min(limits.maxDiskBytes(), limits.memoryBytes())), "--tmpfs", "/tmp"));
        if (!user.dropFromRoot()) {
            // Unprivileged: a user namespace is what lets bwrap make the others.
            argv.add(1, "--unshare-user");
        }
        for (String f : SYSTEM_FILES) {
            if (Files.exists(Path.of(f))) {
                argv.addAll(List.of("--ro-bind", f, f));
            }
        }
        if (dataDir != null) {
            argv.addAll(List.of("--ro-bind", dataDir.toAbsolutePath().toString(), SandboxPaths.DATA));
        }
        argv.addAll(List.of("--ro-bind", stepsDir.toAbsolutePath().toString(), SandboxPaths.STEPS,
                "--bind", workDir.toAbsolutePath().toString(), SandboxPaths.WORK,
                "--chdir", SandboxPaths.WORK, "--clearenv"));
        ENVIRONMENT.forEach((name, value) -> argv.addAll(List.of("--setenv", name, value)));
        argv.addAll(passthrough.bubblewrapArgs());
        argv.add("--");
        return argv;
    }
}
