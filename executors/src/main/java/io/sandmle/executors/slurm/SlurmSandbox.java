package io.sandmle.executors.slurm;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.executors.DataMirror;
import io.sandmle.executors.OutputCapture;
import io.sandmle.executors.StepEnd;
import io.sandmle.executors.StepFiles;
import io.sandmle.executors.StepWatch;
import io.sandmle.executors.local.IsolationCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One episode on a Slurm cluster. In {@code STEP} mode every step is its own batch job; in
 * {@code EPISODE} mode the episode holds one allocation and each step is an {@code srun} inside it.
 * A step past its wall time is cancelled with {@code scancel}; so is the allocation when the episode ends.
 */
final class SlurmSandbox implements Sandbox {

    private static final String OOM_STATE = "OUT_OF_MEMORY";

    private final SlurmOptions options;
    private final SandboxSpec spec;
    private final StepFiles steps;
    private final IsolationCommand isolation;
    private final SlurmCli cli;
    private final JobWatch watch;
    private String allocation;

    SlurmSandbox(SlurmOptions options, SlurmCli cli, JobWatch watch, SandboxSpec spec, StepFiles steps,
                 IsolationCommand isolation) {
        this.options = options;
        this.cli = cli;
        this.watch = watch;
        this.spec = spec;
        this.steps = steps;
        this.isolation = isolation;
    }

    @Override
    public synchronized ExecResult run(String code) throws SandboxException {
        Limits limits = spec.limits();
        int n = steps.add(code);
        Path rawOut = steps.dir().resolve("step_" + n + ".stdout.slurm");
        Path rawErr = steps.dir().resolve("step_" + n + ".stderr.slurm");
        Path exitFile = steps.dir().resolve("step_" + n + ".exit");
        Path gpuRefusal = steps.dir().resolve("step_" + n + ".gpus-refused");
        Path script = writeScript(n, rawOut, rawErr, exitFile, gpuRefusal);
        long start = System.nanoTime();
        Launched job = options.mode() == SlurmOptions.Mode.STEP ? submitStep(script) : srunStep(script);
        CompletableFuture<Integer> exit = job.finished().thenApply(state -> readExit(exitFile));
        StepWatch.Outcome outcome = StepWatch.await(exit, limits, spec.workDir(), () -> 0L);
        if (outcome.violation() != null) {
            job.cancel();
        }
        String finalState = job.finished().join();
        if (Files.exists(gpuRefusal)) {
            throw new SandboxException(readRefusal(gpuRefusal));
        }
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        OutputCapture out = OutputCapture.start(() -> openOrEmpty(rawOut), steps.log(n, "stdout"),
                limits.maxOutputBytes(), limits.tailChars());
        OutputCapture err = OutputCapture.start(() -> openOrEmpty(rawErr), steps.log(n, "stderr"),
                limits.maxOutputBytes(), limits.tailChars());
        OutputCapture.awaitAll(30_000, out, err);
        Integer status = outcome.exitCode() != null ? outcome.exitCode() : readExit(exitFile);
        return new StepEnd(limits, spec.workDir(), outcome, status == null ? null : StepEnd.fromWrapperStatus(status),
                out, err, wall, 0, 0, finalState.contains(OOM_STATE), false).result();
    }

    /** A running step: a future with its final Slurm state, and a way to stop it. */
    private record Launched(CompletableFuture<String> finished, Runnable canceller) {
        void cancel() {
            canceller.run();
        }
    }

    private Launched submitStep(Path script) throws SandboxException {
        List<String> argv = new ArrayList<>(List.of("sbatch", "--parsable", "--job-name=sandmle-step",
                "--output=/dev/null", "--error=" + script + ".slurm.log", "--chdir=" + spec.workDir(),
                "--nodes=1", "--ntasks=1"));
        argv.addAll(resourceOptions(spec.limits().wallTime().toMinutes() + 2));
        argv.add(script.toString());
        String jobId = cli.submit(argv);
        // The wall-time limit is the code's: it starts when the job does, not while it waits in the queue.
        awaitStart(jobId, true);
        return new Launched(watch.finished(jobId), () -> cli.cancel(jobId));
    }

    private Launched srunStep(Path script) throws SandboxException {
        String jobId = allocation();
        Process srun;
        try {
            srun = cli.command(List.of("srun", "--jobid=" + jobId, "--overlap", "--nodes=1", "--ntasks=1", "--quiet",
                    "--chdir=" + spec.workDir(), "bash", script.toString()))
                    .redirectErrorStream(true).redirectOutput(script.resolveSibling(script.getFileName() + ".srun.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new SandboxException("Cannot run srun: " + e.getMessage(), e);
        }
        CompletableFuture<String> done = srun.onExit().thenApply(p -> oomReported(script) ? OOM_STATE : "COMPLETED");
        return new Launched(done, () -> {
            // A step cannot be cancelled alone without its id; cancel the allocation, the next step makes a new one.
            cli.cancel(jobId);
            allocation = null;
            srun.destroyForcibly();
        });
    }

    private static boolean oomReported(Path script) {
        try {
            return Files.readString(script.resolveSibling(script.getFileName() + ".srun.log")).contains("oom-kill");
        } catch (IOException e) {
            return false;
        }
    }

    /** The episode's allocation, created on first use: a job that holds the resources until cancelled. */
    private String allocation() throws SandboxException {
        if (allocation == null) {
            List<String> argv = new ArrayList<>(List.of("sbatch", "--parsable", "--job-name=sandmle-episode",
                    "--output=/dev/null", "--nodes=1", "--ntasks=1"));
            argv.addAll(resourceOptions(24 * 60));
            argv.addAll(List.of("--wrap", "exec sleep infinity"));
            allocation = cli.submit(argv);
            awaitStart(allocation, false);
        }
        return allocation;
    }

    /** Waits until the job leaves the queue; {@code mayFinish}: a job that already ended is fine too. */
    private void awaitStart(String jobId, boolean mayFinish) throws SandboxException {
        String state;
        try {
            state = watch.awaitStart(jobId, options.queueTimeout());
        } catch (TimeoutException e) {
            cli.cancel(jobId);
            throw new SandboxException("The Slurm job " + jobId + " stayed pending for " + options.queueTimeout()
                    .toMinutes() + " min; check the partition and QOS (sinfo, squeue).");
        }
        if (!mayFinish && SlurmCli.finished(state)) {
            throw new SandboxException("The Slurm allocation " + jobId + " ended as " + state + " before any step ran.");
        }
    }

    private List<String> resourceOptions(long minutes) {
        List<String> argv = new ArrayList<>(List.of("--time=" + Math.max(1, minutes),
                "--mem=" + Math.max(1, (spec.limits().memoryBytes() + (1L << 20) - 1) >> 20) + "M"));
        argv.addAll(options.placement(spec.limits()));
        return argv;
    }

    private Path writeScript(int n, Path rawOut, Path rawErr, Path exitFile, Path gpuRefusal) {
        List<String> program = isolation == null ? List.of(spec.python(), steps.code(n).toString())
                : isolation.wrap(List.of(spec.python(), steps.codeInside(n)), Optional.empty(),
                new IsolationCommand.Rlimits(true, false, true));
        Path script = steps.dir().resolve("step_" + n + ".sh");
        try {
            JobScript.GpuBinding gpus = isolation == null || !options.asksForGpus(spec.limits()) ? null
                    : new JobScript.GpuBinding(NodeJava.argv(JobGpus.class, List.of(options.gpuDevices().toString())),
                    gpuRefusal.toString());
            Files.writeString(script, JobScript.render(program, gpus, rawOut.toString(), rawErr.toString(),
                    exitFile.toString(), spec.limits()));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the job script " + script + ": " + e.getMessage(), e);
        }
        return script;
    }

    /** The sentence {@link JobGpus} left, or what stopped it from running at all. */
    private static String readRefusal(Path file) {
        try {
            String said = Files.readString(file).strip();
            return said.isEmpty() ? "The job could not bind its GPUs into the sandbox (" + file + " is empty)." : said;
        } catch (IOException e) {
            return "The job could not bind its GPUs into the sandbox: " + e.getMessage();
        }
    }

    private static java.io.InputStream openOrEmpty(Path file) throws IOException {
        return Files.exists(file) ? Files.newInputStream(file) : java.io.InputStream.nullInputStream();
    }

    private static Integer readExit(Path exitFile) {
        try {
            return Files.exists(exitFile) ? Integer.parseInt(Files.readString(exitFile).trim()) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (allocation != null) {
            cli.cancel(allocation);
            allocation = null;
        }
        DataMirror.remove(spec.workDir());
    }
}
