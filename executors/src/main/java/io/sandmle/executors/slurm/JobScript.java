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

    private JobScript() {
    }

    /**
     * @param argv     the isolated command (from {@link io.sandmle.executors.local.IsolationCommand})
     * @param stdout   host path of the capped stdout log
     * @param stderr   host path of the capped stderr log
     * @param exitFile host path the exit code is written to
     */
    static String render(List<String> argv, String stdout, String stderr, String exitFile, Limits limits) {
        long cap = limits.maxOutputBytes();
        return "#!/bin/bash\n"
                + "# Written by the sandmle Slurm executor: one isolated code step.\n"
                + "exec 3> >(head -c " + cap + " > " + quote(stdout) + "; cat > /dev/null); out=$!\n"
                + "exec 4> >(head -c " + cap + " > " + quote(stderr) + "; cat > /dev/null); err=$!\n"
                + argv.stream().map(JobScript::quote).collect(Collectors.joining(" ")) + " </dev/null >&3 2>&4\n"
                + "rc=$?\n"
                + "exec 3>&- 4>&-\n"
                + "wait $out $err\n"
                + "echo $rc > " + quote(exitFile) + "\n";
    }

    /** Single-quotes a word for bash. */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
