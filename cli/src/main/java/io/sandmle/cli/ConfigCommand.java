package io.sandmle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sandmle config}: commands about experiment configs. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Work with experiment config files.",
        subcommands = ConfigValidateCommand.class)
public final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
