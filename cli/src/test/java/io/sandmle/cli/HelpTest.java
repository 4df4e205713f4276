package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {

    @Test
    void everyCommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(SandmleCommand.newCommandLine(), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 5, "expected sandmle, plugins, doctor, config, config validate: " + paths);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), String.join(" ", args));
            assertTrue(run.out().startsWith("Usage: sandmle"), String.join(" ", args) + ":\n" + run.out());
        }
    }

    @Test
    void topLevelHelpDocumentsExitCodes() {
        String help = CliRun.of("--help").out();
        assertTrue(help.contains("Exit codes:") && help.contains("3   the environment lacks something"), help);
    }

    private static void collect(CommandLine cli, List<String> path, List<List<String>> into) {
        if (!cli.getCommandName().equals("help")) {
            into.add(path);
            cli.getSubcommands().forEach((name, sub) -> {
                List<String> deeper = new ArrayList<>(path);
                deeper.add(name);
                collect(sub, deeper, into);
            });
        }
    }
}
