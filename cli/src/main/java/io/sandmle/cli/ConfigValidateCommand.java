package io.sandmle.cli;

import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.config.SuiteConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sandmle config validate <yaml>}: loads a config as a run would and says what it would run. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an experiment config: unknown keys, wrong types and broken rules are reported as one "
                + "sentence with the line number.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the config is valid", "2:the config has a mistake (the message names the line)"})
public final class ConfigValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<yaml>", description = "The experiment config file.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExperimentConfig c = ConfigLoader.load(file);
        PrintWriter out = spec.commandLine().getOut();
        int systems = c.scaffolds().size() * c.policies().size();
        out.printf("%s is valid: run '%s' in %s, %d suite(s), %d system(s) (scaffold x policy), %d seed(s)%s.%n",
                file, c.run(), c.runDir(), c.suites().size(), systems, c.seeds().size(),
                c.trainer() == null ? "" : ", training with " + c.trainer().name());
        for (SuiteConfig suite : c.suites()) {
            if (!Files.isDirectory(suite.dataDir())) {
                out.printf("note: suite '%s' data-dir %s does not exist yet; create or download it before running.%n",
                        suite.name(), suite.dataDir());
            }
        }
        return SandmleCommand.OK;
    }
}
