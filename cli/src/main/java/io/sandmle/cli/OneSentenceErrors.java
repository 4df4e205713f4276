package io.sandmle.cli;

import io.sandmle.api.SandboxException;
import io.sandmle.runner.plugins.PluginConflictException;
import picocli.CommandLine;

/** Turns an exception escaping a command into one sentence on stderr and an exit code, never a stack trace. */
final class OneSentenceErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        cli.getErr().println("sandmle: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        if (System.getenv("SANDMLE_DEBUG") != null) {
            e.printStackTrace(cli.getErr());
        }
        if (e instanceof SandboxException) {
            return SandmleCommand.ENVIRONMENT;
        }
        return e instanceof IllegalArgumentException || e instanceof PluginConflictException
                ? SandmleCommand.BAD_INPUT : SandmleCommand.FAILED;
    }
}
