package io.sandmle.cli;

import io.sandmle.api.SandboxException;
import io.sandmle.runner.plugins.PluginConflictException;
import io.sandmle.support.ControlCharacters;
import picocli.CommandLine;

/** Turns an exception escaping a command into one sentence on stderr and an exit code, never a stack trace. */
final class OneSentenceErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        // Messages may quote what agent code, a model or a submission wrote.
        cli.getErr().println("sandmle: " + ControlCharacters.escape(e.getMessage() == null ? e.toString() : e.getMessage()));
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
