package io.sandmle.executors.local;

import io.sandmle.api.Executor;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.executors.DataMirror;
import io.sandmle.executors.StepFiles;
import io.sandmle.executors.gpu.GpuDevices;
import io.sandmle.executors.gpu.GpuLease;
import io.sandmle.executors.gpu.GpuPool;
import io.sandmle.executors.gpu.GpuSandbox;
import io.sandmle.executors.warm.WarmSandbox;
import io.sandmle.executors.warm.Zygote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The default executor ({@code local}): runs steps on this machine inside bubblewrap, as an unprivileged
 * user, with cgroup limits where the machine has them and rlimits otherwise; steps are served by a warm
 * Python worker per episode when cgroups are available (so leftovers of a step can be swept), cold
 * otherwise. One {@link Zygote} per executor forks those workers when the harness runs as root. Without bubblewrap it refuses to run agent code unless the spec explicitly allows it.
 *
 * <p>An episode whose limits ask for GPUs holds its own from the machine's {@link GpuPool} from open to close
 * (waiting while too few are free); a {@code python-prefix} setting runs every step in that Python environment.
 */
public final class LocalExecutor implements Executor {

    private final LocalOptions options;
    private volatile Machine machine;
    private volatile GpuPool gpus;
    private Optional<Zygote> zygote;

    /** An executor configured from the environment ({@link LocalOptions#fromEnvironment()}). */
    public LocalExecutor() {
        this(LocalOptions.fromEnvironment());
    }

    public LocalExecutor(LocalOptions options) {
        this.options = options;
    }

    /**
     * An executor whose episodes take their GPUs from {@code gpus} rather than from a scan of
     * {@link LocalOptions#gpuDevices()}: a Slurm pilot's agent hands out only the GPUs of its job.
     */
    public LocalExecutor(LocalOptions options, GpuPool gpus) {
        this.options = options;
        this.gpus = gpus;
    }

    /** Settings ({@link LocalOptions#KEYS}) win over the environment variables of the same meaning. */
    @Override
    public Executor withSettings(Map<String, String> settings) {
        return settings.isEmpty() ? this : new LocalExecutor(LocalOptions.from(settings), machine);
    }

    /** An executor for a machine described up front instead of probed (e.g. one without bubblewrap). */
    public LocalExecutor(LocalOptions options, Machine machine) {
        this.options = options;
        this.machine = machine;
    }

    /** What this machine offers, probed once: bubblewrap, the sandbox user, the cgroup layout. */
    public record Machine(Path bwrap, SandboxUser user, Cgroups cgroups) {
    }

    /** Probes the machine on first use. */
    public Machine machine() {
        if (machine == null) {
            synchronized (this) {
                if (machine == null) {
                    machine = new Machine(Bubblewrap.find(), SandboxUser.resolve(), Cgroups.detect());
                }
            }
        }
        return machine;
    }

    /** The GPUs of {@link LocalOptions#gpuDevices()}, scanned once. */
    private GpuPool gpus() {
        if (gpus == null) {
            synchronized (this) {
                if (gpus == null) {
                    gpus = new GpuPool(GpuDevices.scan(options.gpuDevices()));
                }
            }
        }
        return gpus;
    }

    /** Stops the run at its start when it asks for more GPUs than the device folder holds, or names a foreign python. */
    @Override
    public void checkRun(Limits limits, String python) {
        if (limits.gpus() > 0) {
            String shortage = gpus().shortage(limits.gpus());
            if (shortage != null) {
                throw new IllegalArgumentException(shortage);
            }
        }
        if (options.pythonPrefix() != null) {
            PythonPrefix.python(options.pythonPrefix(), python);
        }
    }

    /** Whether steps of a new episode would be served warm. */
    public boolean servesWarm() {
        Machine m = machine();
        return options.warm() && m.bwrap() != null && m.cgroups().layout() != Cgroups.Layout.NONE;
    }

    @Override
    public Sandbox open(SandboxSpec spec) throws SandboxException {
        Machine m = machine();
        if (m.bwrap() == null && !spec.allowUnsafe()) {
            throw new SandboxException(Bubblewrap.MISSING);
        }
        SandboxSpec resolved = withDefaults(spec);
        prepareWorkDir(resolved.workDir(), m.user());
        GpuLease lease = resolved.limits().gpus() > 0 ? takeGpus(resolved.limits().gpus()) : null;
        try {
            StepFiles steps = new StepFiles(resolved.workDir());
            IsolationCommand isolation = m.bwrap() == null ? null
                    : new IsolationCommand(m.bwrap(), m.user(), resolved.workDir(),
                    DataMirror.forSandbox(resolved.inputDir(), resolved.workDir()), steps.dir(), resolved.limits(),
                    passthrough(lease));
            LocalEpisode episode = new LocalEpisode("ep-" + UUID.randomUUID(), resolved, steps, isolation, m.cgroups());
            Sandbox sandbox = servesWarm() ? new WarmSandbox(episode, options.warmStartup(), new ColdSandbox(episode),
                    zygote())
                    : new ColdSandbox(episode);
            return lease == null ? sandbox : new GpuSandbox(sandbox, lease);
        } catch (RuntimeException | SandboxException e) {
            if (lease != null) {
                lease.close();
            }
            throw e;
        }
    }

    private GpuLease takeGpus(int wanted) throws SandboxException {
        try {
            return gpus().acquire(wanted);
        } catch (IllegalArgumentException e) {
            throw new SandboxException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("Interrupted while waiting for " + wanted + " free GPU(s).", e);
        }
    }

    /** What the sandbox is given of the host: the episode's GPUs and the Python environment, when there are. */
    private Passthrough passthrough(GpuLease lease) {
        Passthrough given = lease == null ? Passthrough.NONE : lease.passthrough();
        return options.pythonPrefix() == null ? given : given.and(PythonPrefix.passthrough(options.pythonPrefix()));
    }

    /** The executor's one zygote for warm workers, made on first use (it starts with the first episode). */
    private synchronized Optional<Zygote> zygote() {
        if (zygote == null) {
            Machine m = machine();
            zygote = options.zygote() ? Zygote.forMachine(m.user(), m.cgroups(), SandboxSpec.DEFAULT_PYTHON)
                    : Optional.empty();
        }
        return zygote;
    }

    /** Stops the zygote; episodes still open keep their workers. */
    @Override
    public synchronized void close() {
        if (zygote != null) {
            zygote.ifPresent(Zygote::close);
            zygote = null;
        }
    }

    private SandboxSpec withDefaults(SandboxSpec spec) throws SandboxException {
        String python = spec.python() == null ? SandboxSpec.DEFAULT_PYTHON : spec.python();
        if (options.pythonPrefix() != null) {
            try {
                python = PythonPrefix.python(options.pythonPrefix(), python);
            } catch (IllegalArgumentException e) {
                throw new SandboxException(e.getMessage(), e);
            }
        }
        Limits limits = spec.limits() == null ? Limits.defaults() : spec.limits();
        return new SandboxSpec(spec.workDir().toAbsolutePath().normalize(),
                spec.inputDir() == null ? null : spec.inputDir().toAbsolutePath().normalize(), python, limits,
                spec.allowUnsafe());
    }

    private static void prepareWorkDir(Path workDir, SandboxUser user) throws SandboxException {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new SandboxException("Cannot create the work folder " + workDir + ": " + e.getMessage(), e);
        }
        user.own(workDir);
    }
}
