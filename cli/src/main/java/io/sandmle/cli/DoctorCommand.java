package io.sandmle.cli;

import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExecutorConfig;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.cli.doctor.Doctor;
import io.sandmle.cli.doctor.Finding;
import io.sandmle.cli.doctor.Machine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sandmle doctor}: what this machine has and lacks, each gap with the command that fixes it. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check java, the Python interpreter and its ML libraries, bubblewrap, Slurm, the database, "
                + "disk space and the report tools.",
                "Each missing piece is one line ending with the command that fixes it. Tools are found through PATH."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything required is present (warnings may remain)",
                "3:something required is missing"})
public final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--python", paramLabel = "<interpreter>",
            description = "The interpreter agent code runs in (default: the config's executor.python, else "
                    + "/usr/bin/python3).")
    Path python;

    @Option(names = "--runs-dir", paramLabel = "<dir>",
            description = "Where run folders go (default: the config's runs-dir, else ./runs).")
    Path runsDir;

    @Option(names = "--config", paramLabel = "<yaml>",
            description = "An experiment config whose interpreter and runs folder are checked.")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ExperimentConfig experiment = config == null ? null : ConfigLoader.load(config);
        Path interpreter = python != null ? python
                : experiment != null ? experiment.executor().python() : ExecutorConfig.DEFAULT_PYTHON;
        Path runs = runsDir != null ? runsDir : experiment != null ? experiment.runsDir() : Path.of("runs");
        List<Finding> findings = Doctor.standard(interpreter, runs).examine(Machine.current());
        findings.forEach(f -> out.println(f.line()));
        long missing = findings.stream().filter(f -> f.status() == Finding.Status.MISSING).count();
        long warnings = findings.stream().filter(f -> f.status() == Finding.Status.WARN).count();
        if (missing > 0) {
            out.printf("%d required piece(s) missing: run the fix commands above, or provision/provision.sh runtime.%n",
                    missing);
            return SandmleCommand.ENVIRONMENT;
        }
        out.println(warnings == 0 ? "Everything is in place."
                : "Everything required is in place; " + warnings + " optional piece(s) missing (see WARN lines).");
        return SandmleCommand.OK;
    }
}
