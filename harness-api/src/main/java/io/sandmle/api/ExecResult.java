package io.sandmle.api;

/**
 * What running one code step produced. Output tails are what the agent sees; the full,
 * size-capped logs stay in the episode folder.
 *
 * @param schemaVersion   format version
 * @param exitCode        the process exit code (negative: killed by that signal number)
 * @param stdoutTail      the last {@link Limits#tailChars()} characters of stdout
 * @param stderrTail      the last characters of stderr
 * @param wallMillis      elapsed time
 * @param cpuMillis       user+system CPU time of the step's processes
 * @param peakMemoryBytes peak resident memory, 0 when unknown
 * @param timedOut        killed for exceeding the wall or CPU limit
 * @param killedReason    one sentence when the harness stopped the step (limit, policy), else {@code null}
 */
public record ExecResult(
        int schemaVersion,
        int exitCode,
        String stdoutTail,
        String stderrTail,
        long wallMillis,
        long cpuMillis,
        long peakMemoryBytes,
        boolean timedOut,
        String killedReason) {

    public static final int SCHEMA_VERSION = 1;

    /** True when the code ran to completion with exit code 0. */
    public boolean succeeded() {
        return exitCode == 0 && !timedOut && killedReason == null;
    }
}
