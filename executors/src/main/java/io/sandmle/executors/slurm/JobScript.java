package io.sandmle.executors.slurm;

import io.sandmle.api.Limits;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The bash script one Slurm job (or job step) runs: the isolated command with its output capped as it
 * is written (the first {@link Limits#maxOutputBytes()} kept, the rest drained so the code never blocks),
 * and its exit code saved where the harness reads it after the job.
 */
public final class JobScript {

    /** The file descriptor bubblewrap reads the options binding the job's GPUs from ({@code --args}). */
    public static final int GPU_OPTIONS_FD = 5;

    private JobScript() {
    }

    /**
     * How a job binds the GPUs Slurm gave it, which only its node knows: a command that writes bubblewrap's options
     * for them ({@link JobGpus#main}), read by bubblewrap from {@link #GPU_OPTIONS_FD}.
     *
     * @param command     the command run on the node before the sandbox
     * @param refusalFile host path its sentence is kept at when the job's GPUs cannot be bound (the step then does
     *                    not run)
     */
    record GpuBinding(List<String> command, String refusalFile) {
    }

    /**
     * @param argv     the isolated command (from {@link io.sandmle.executors.local.IsolationCommand})
     * @param gpus     how the job's GPUs are bound, or {@code null} for a step without GPUs
     * @param stdout   host path of the capped stdout log
     * @param stderr   host path of the capped stderr log
     * @param exitFile host path the exit code is written to
     */
    static String render(List<String> argv, GpuBinding gpus, String stdout, String stderr, String exitFile,
                         Limits limits) {
        long cap = limits.maxOutputBytes();
        return "#!/bin/bash\n"
                + "# Written by the sandmle Slurm executor: one isolated code step.\n"
                + (gpus == null ? "" : bindGpus(gpus))
                + "exec 3> >(head -c " + cap + " > " + quote(stdout) + "; cat > /dev/null); out=$!\n"
                + "exec 4> >(head -c " + cap + " > " + quote(stderr) + "; cat > /dev/null); err=$!\n"
                + argv.stream().map(JobScript::quote).collect(Collectors.joining(" ")) + " </dev/null >&3 2>&4\n"
                + "rc=$?\n"
                + "exec 3>&- 4>&-\n"
                + "wait $out $err\n"
                + "echo $rc > " + quote(exitFile) + "\n";
    }

    private static String bindGpus(GpuBinding gpus) {
        // The sentence appears at the refusal path only once the binder has failed, never half-written (a step
        // cancelled meanwhile is not mistaken for a refusal).
        return "gpu_options=$(mktemp) || exit 1\n"
                + "if ! " + gpus.command().stream().map(JobScript::quote).collect(Collectors.joining(" "))
                + " >\"$gpu_options\" 2>\"$gpu_options.err\"; then mv \"$gpu_options.err\" "
                + quote(gpus.refusalFile()) + "; rm -f \"$gpu_options\"; exit 0; fi\n"
                + "exec " + GPU_OPTIONS_FD + "<\"$gpu_options\"; rm -f \"$gpu_options\" \"$gpu_options.err\"\n";
    }

    /** Single-quotes a word for bash. */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
