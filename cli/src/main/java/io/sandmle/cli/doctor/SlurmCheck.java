package io.sandmle.cli.doctor;

import java.time.Duration;
import java.util.List;

/** Slurm, needed only by the {@code slurm} executor: the client tools and a controller that answers. */
final class SlurmCheck implements Check {

    @Override
    public List<Finding> run(Machine machine) {
        for (String tool : List.of("sinfo", "sbatch")) {
            if (machine.which(tool).isEmpty()) {
                return List.of(Finding.problem(false, "slurm", tool + " is not on PATH (only the slurm executor "
                        + "needs it)", machine.aptInstall("slurm-wlm munge")));
            }
        }
        Machine.Ran ran = machine.run(List.of("sinfo", "--noheader", "--format=%P %a %D"), Duration.ofSeconds(20));
        if (!ran.succeeded()) {
            return List.of(Finding.problem(false, "slurm", "sinfo finds no cluster: " + ran.firstLine(),
                    "configure /etc/slurm/slurm.conf and start munge, slurmctld and slurmd (or use executor local)"));
        }
        return List.of(Finding.ok("slurm", "partitions: " + String.join(", ", ran.output().lines().toList())));
    }
}
