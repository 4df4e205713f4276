package io.sandmle.executors.local;

import io.sandmle.api.Executor;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.executors.DataMirror;
import io.sandmle.executors.StepFiles;
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
 */
public final class LocalExecutor implements Executor {

    private final LocalOptions options;
    private volatile Machine machine;
    private Optional<Zygote> zygote;

    /** An executor configured from the environment ({@link LocalOptions#fromEnvironment()}). */
    public LocalExecutor() {
        this(LocalOptions.fromEnvironment());
    }

    public LocalExecutor(LocalOptions options) {
        this.options = options;
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
        StepFiles steps = new StepFiles(resolved.workDir());
        IsolationCommand isolation = m.bwrap() == null ? null
                : new IsolationCommand(m.bwrap(), m.user(), resolved.workDir(),
                DataMirror.forSandbox(resolved.inputDir(), resolved.workDir()), steps.dir(), resolved.limits());
        LocalEpisode episode = new LocalEpisode("ep-" + UUID.randomUUID(), resolved, steps, isolation, m.cgroups());
        return servesWarm() ? new WarmSandbox(episode, options.warmStartup(), new ColdSandbox(episode), zygote())
                : new ColdSandbox(episode);
    }

    /** The executor's one zygote for warm workers, made on first use (it starts with the first episode). */
    private synchronized Optional<Zygote> zygote() {
        if (zygote == null) {
            Machine m = machine();
            zygote = Zygote.forMachine(m.user(), m.cgroups(), SandboxSpec.DEFAULT_PYTHON);
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

    private static SandboxSpec withDefaults(SandboxSpec spec) {
        String python = spec.python() == null ? SandboxSpec.DEFAULT_PYTHON : spec.python();
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
