package io.sandmle.executors;

import io.sandmle.support.Sizes;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Limits;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns what was observed about a finished step into its {@link ExecResult}: picks the one sentence
 * that says why the harness stopped it (limit broken, out of memory, disk filled), trims a work
 * folder left over its disk limit, and notes output beyond the log cap.
 *
 * @param limits       the step's limits
 * @param workDir      the episode work folder
 * @param outcome      how waiting for the step ended
 * @param exitCode     the exit code (negative: killed by that signal), or {@code null} if unknown
 * @param stdout       the captured stdout
 * @param stderr       the captured stderr
 * @param wallMillis   elapsed time
 * @param cpuMillis    CPU time of all the step's processes, 0 if unknown
 * @param peakMemory   peak memory in bytes, 0 if unknown
 * @param outOfMemory  the out-of-memory killer hit the step
 * @param processCap   a fork was refused at the process cap
 */
public record StepEnd(Limits limits, Path workDir, StepWatch.Outcome outcome, Integer exitCode,
                      OutputCapture stdout, OutputCapture stderr, long wallMillis, long cpuMillis,
                      long peakMemory, boolean outOfMemory, boolean processCap) {

    /** Exit status of a wrapper (shell, bwrap) whose child died of a signal: 128 + signal. */
    public static int fromWrapperStatus(int status) {
        return status > 128 && status < 128 + 65 ? -(status - 128) : status;
    }

    /** The signal the kernel sends a process past its CPU-time rlimit. */
    private static final int SIGXCPU = 24;

    /** The result the agent's step produced. */
    public ExecResult result() {
        String reason = outcome.violation();
        boolean timedOut = outcome.timedOut();
        if (reason == null && exitCode != null && exitCode == -SIGXCPU) {
            reason = StepWatch.cpuSentence(limits);
            timedOut = true;
        }
        if (reason == null && outOfMemory) {
            reason = "The step needed more than its memory limit of " + Sizes.bytes(limits.memoryBytes())
                    + " and was killed by the out-of-memory killer.";
        }
        if (DiskUsage.of(workDir) > limits.maxDiskBytes()) {
            List<String> deleted = DiskUsage.trimTo(workDir, limits.maxDiskBytes());
            String what = StepWatch.diskSentence(limits) + " The harness deleted " + String.join(", ", deleted)
                    + " to get back under it.";
            reason = reason == null || reason.contains("disk limit") ? what : reason + " " + what;
        }
        if (processCap) {
            String cap = "It hit its limit of " + limits.maxProcesses() + " processes.";
            reason = reason == null ? "The step was refused new processes at its limit of "
                    + limits.maxProcesses() + "." : reason + " " + cap;
        }
        int code = exitCode == null ? -9 : exitCode;
        return new ExecResult(ExecResult.SCHEMA_VERSION, code, tail(stdout), tail(stderr), wallMillis, cpuMillis,
                peakMemory, timedOut, reason);
    }

    private String tail(OutputCapture c) {
        String t = c.tail(limits.tailChars());
        long dropped = c.totalBytes() - limits.maxOutputBytes();
        return dropped > 0 ? "[" + Sizes.bytes(dropped) + " of output beyond the " + Sizes.bytes(limits.maxOutputBytes())
                + " log cap were not kept; this is the end of the stream]\n" + t : t;
    }
}
