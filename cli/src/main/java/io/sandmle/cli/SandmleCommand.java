package io.sandmle.cli;

import io.sandmle.runner.logging.ConsoleLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sandmle} command line. Each sub-command is one class in this package, listed here.
 *
 * <p>Exit codes: 0 success; 1 the work ran but failed (a check, a grade, a test); 2 bad usage or
 * bad input (config, paths); 3 the environment lacks something (tool, cluster, endpoint).
 */
@Command(name = "sandmle", mixinStandardHelpOptions = true, version = "sandmle 0.1.0",
        description = "Train and evaluate machine-learning-engineering agents on micro-scale synthetic tasks.",
        subcommands = {QuickstartCommand.class, PluginsCommand.class, DoctorCommand.class, ConfigCommand.class,
                GradeSampleCommand.class, GradeCommand.class, GenerateCommand.class, ExecCommand.class, ServeCommand.class, EnvServerCommand.class,
                EvalCommand.class, MergeCommand.class, TrainCommand.class, ReportCommand.class, BenchCommand.class, DiversityCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the work ran but failed", "2:bad usage or bad input",
                "3:the environment lacks something (tool, cluster, endpoint)"})
public final class SandmleCommand implements Runnable {

    /** Exit code 0: the command did what was asked. */
    public static final int OK = 0;
    /** Exit code 1: the work ran but failed (a check, a grade, a test). */
    public static final int FAILED = 1;
    /** Exit code 2: bad usage or bad input (config, paths, conflicting plugins); the message says what to fix. */
    public static final int BAD_INPUT = 2;
    /** Exit code 3: the environment lacks something (tool, package, cluster, endpoint); see {@code sandmle doctor}. */
    public static final int ENVIRONMENT = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Before or after any command: warnings only on the console by default, informational messages too with it. */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Also print informational log messages on stderr (a run folder's sandmle.log has them anyway).")
    void verbose(boolean on) {
        ConsoleLog.configure(on);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        ConsoleLog.configure(false);
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line (used by main and by tests). */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new SandmleCommand());
        cli.setExecutionExceptionHandler(new OneSentenceErrors());
        return cli;
    }
}
