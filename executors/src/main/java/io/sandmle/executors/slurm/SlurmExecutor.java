package io.sandmle.executors.slurm;

import io.sandmle.api.Executor;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.executors.DataMirror;
import io.sandmle.executors.StepFiles;
import io.sandmle.executors.local.Bubblewrap;
import io.sandmle.executors.local.IsolationCommand;
import io.sandmle.executors.local.Passthrough;
import io.sandmle.executors.local.SandboxUser;
import io.sandmle.executors.slurm.pool.SlurmPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code slurm} executor: each step (or each episode, see {@link SlurmOptions.Mode}) is a Slurm job
 * whose limits map to {@code --time}, {@code --mem}, {@code --cpus-per-task}, {@code --gres},
 * {@code --partition} and {@code --qos}. Inside the job the code runs in the same bubblewrap sandbox as
 * the local executor, so the work folder and the task's public folder must be on a file system the
 * compute nodes share. Memory is enforced by the cluster's cgroups (task/cgroup), processes by rlimit.
 * In {@code POOL} mode pilot jobs serve steps from warm workers on their nodes instead ({@link SlurmPool}).
 */
public final class SlurmExecutor implements Executor {

    private final SlurmOptions options;
    private final SlurmCli cli;
    private final JobWatch watch;
    private SlurmPool pool;

    /** An executor configured by {@link SlurmOptions#fromEnvironment()}. */
    public SlurmExecutor() {
        this(SlurmOptions.fromEnvironment());
    }

    public SlurmExecutor(SlurmOptions options) {
        this(options, Map.of());
    }

    /**
     * An executor whose jobs also get {@code jobEnvironment} ({@link SlurmCli}): how a test on a cluster without
     * GPUs stands in for the variables Slurm sets for a GPU job ({@code SLURM_JOB_GPUS}).
     */
    public SlurmExecutor(SlurmOptions options, Map<String, String> jobEnvironment) {
        this.options = options;
        this.cli = new SlurmCli(options.slurmConf(), jobEnvironment);
        this.watch = new JobWatch(cli);
    }

    /** Settings ({@link SlurmOptions#KEYS}) win over the environment variables of the same meaning. */
    @Override
    public Executor withSettings(Map<String, String> settings) {
        return settings.isEmpty() ? this : new SlurmExecutor(SlurmOptions.from(System.getenv(), settings));
    }

    /** Where and how this executor submits jobs. */
    public SlurmOptions options() {
        return options;
    }

    @Override
    public Sandbox open(SandboxSpec spec) throws SandboxException {
        SlurmCli.Answer ping = cli.run(List.of("sinfo", "-h", "-o", "%P"));
        if (!ping.ok()) {
            throw SlurmCli.unreachable(ping);
        }
        if (options.mode() == SlurmOptions.Mode.POOL) {
            return pool().open(spec);
        }
        Path bwrap = Bubblewrap.find();
        if (bwrap == null && !spec.allowUnsafe()) {
            throw new SandboxException(Bubblewrap.MISSING);
        }
        Path workDir = spec.workDir().toAbsolutePath().normalize();
        SandboxUser user = SandboxUser.resolve();
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new SandboxException("Cannot create the work folder " + workDir + ": " + e.getMessage(), e);
        }
        user.own(workDir);
        Limits limits = spec.limits() == null ? Limits.defaults() : spec.limits();
        String python = spec.python() == null ? SandboxSpec.DEFAULT_PYTHON : spec.python();
        StepFiles steps = new StepFiles(workDir);
        // The job's GPUs are known only on its node: bubblewrap reads the options binding them there (JobScript).
        Passthrough gpus = options.asksForGpus(limits) ? Passthrough.optionsFrom(JobScript.GPU_OPTIONS_FD)
                : Passthrough.NONE;
        IsolationCommand isolation = bwrap == null ? null : new IsolationCommand(bwrap, user, workDir,
                DataMirror.forSandbox(spec.inputDir(), workDir), steps.dir(), limits, gpus);
        return new SlurmSandbox(options, cli, watch, new SandboxSpec(workDir, spec.inputDir(), python, limits, spec.allowUnsafe()),
                steps, isolation);
    }

    /** The warm pool, started with the first episode. */
    private synchronized SlurmPool pool() throws SandboxException {
        if (pool == null) {
            pool = new SlurmPool(options, cli, watch);
        }
        return pool;
    }

    /** The pool's folder of pilot registrations, or {@code null} before the first episode of {@code mode: pool}. */
    public synchronized Path poolFolder() {
        return pool == null ? null : pool.folder();
    }

    /** Cancels the warm pool's pilots, if any. */
    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
