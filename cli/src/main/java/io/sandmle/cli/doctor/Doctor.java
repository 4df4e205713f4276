package io.sandmle.cli.doctor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs every check, in the order a user fixes things: runtime, interpreter, sandbox, cluster, storage. */
public final class Doctor {

    private final List<Check> checks;

    private Doctor(List<Check> checks) {
        this.checks = checks;
    }

    /**
     * @param python   the interpreter agent code will run in
     * @param runsDir  where run folders will be written
     */
    public static Doctor standard(Path python, Path runsDir) {
        return new Doctor(List.of(new JavaCheck(), new PythonCheck(python), new BubblewrapCheck(), new SlurmCheck(),
                new DatabaseCheck(), new DiskCheck(runsDir), new ReportToolsCheck()));
    }

    /** Every finding, check by check. */
    public List<Finding> examine(Machine machine) {
        List<Finding> all = new ArrayList<>();
        for (Check check : checks) {
            all.addAll(check.run(machine));
        }
        return all;
    }
}
