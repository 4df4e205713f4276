package io.sandmle.executors.local;

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
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs each step as a fresh {@code python} process inside its own bubblewrap sandbox and cgroup (the
 * "cold" path). Used when warm workers are off or unavailable, and by warm sandboxes while their
 * worker is still importing.
 */
public final class ColdSandbox implements Sandbox {

    private final LocalEpisode episode;

    public ColdSandbox(LocalEpisode episode) {
        this.episode = episode;
    }

    @Override
    public ExecResult run(String code) throws SandboxException {
        StepFiles steps = episode.steps();
        int n = steps.add(code);
        return runStep(n);
    }

    /** Runs the already-saved step {@code n}. */
    public ExecResult runStep(int n) throws SandboxException {
        SandboxSpec spec = episode.spec();
        Limits limits = spec.limits();
        StepFiles steps = episode.steps();
        Optional<Cgroup> cgroup = episode.stepCgroup("step" + n);
        List<String> argv = episode.unconfined()
                ? List.of(spec.python(), steps.code(n).toString())
                : episode.isolation().wrap(List.of(spec.python(), steps.codeInside(n)), cgroup,
                        new IsolationCommand.Rlimits(true, cgroup.isEmpty(), cgroup.isEmpty()));
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(argv).directory(spec.workDir().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            cgroup.ifPresent(Cgroup::close);
            throw new SandboxException("Cannot start the sandbox (" + argv.get(0) + "): " + e.getMessage(), e);
        }
        OutputCapture out = OutputCapture.start(process::getInputStream, steps.log(n, "stdout"),
                limits.maxOutputBytes(), limits.tailChars());
        OutputCapture err = OutputCapture.start(process::getErrorStream, steps.log(n, "stderr"),
                limits.maxOutputBytes(), limits.tailChars());
        CompletableFuture<Integer> exit = process.onExit().thenApply(Process::exitValue);
        StepWatch.Outcome outcome = StepWatch.await(exit, limits, spec.workDir(),
                () -> cgroup.map(Cgroup::cpuNanos).orElse(0L));
        if (outcome.violation() != null) {
            cgroup.ifPresent(g -> g.killAllExcept(List.of()));
            process.destroyForcibly();
        }
        Integer code = waitFor(process);
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // Nothing of the step may outlive it: the pid namespace dies with bwrap, the cgroup sweeps the rest.
        cgroup.ifPresent(g -> g.killAllExcept(List.of()));
        OutputCapture.awaitAll(5_000, out, err);
        StepEnd end = new StepEnd(limits, spec.workDir(), outcome, code, out, err, wall,
                cgroup.map(g -> g.cpuNanos() / 1_000_000).orElse(0L),
                cgroup.map(Cgroup::peakMemoryBytes).orElse(0L),
                cgroup.map(g -> g.oomKills() > 0).orElse(false),
                cgroup.map(g -> g.processLimitHits() > 0).orElse(false));
        cgroup.ifPresent(Cgroup::close);
        return end.result();
    }

    private static Integer waitFor(Process process) {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? StepEnd.fromWrapperStatus(process.exitValue()) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        // Each step cleaned up after itself; nothing runs between steps. Only the data view is left.
        DataMirror.remove(episode.spec().workDir());
    }
}
