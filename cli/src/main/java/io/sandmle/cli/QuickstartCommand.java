package io.sandmle.cli;

import io.sandmle.runner.run.Experiment;
import io.sandmle.cli.Quickstart;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sandmle quickstart}: the main job on the embedded defaults, from provisioning to the report
 * (see {@link Quickstart}); prints where the report is.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Provision, generate synthetic tasks, train the embedded policy with GRPO, evaluate untrained "
                + "vs trained on held-out and MLE-bench-format fixture tasks, write the HTML and PDF report.")
public final class QuickstartCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "A small smoke run (under a minute here) instead of the full one (about four minutes here).")
    boolean quick;

    @Option(names = "--out", defaultValue = "runs/quickstart",
            description = "Each quickstart writes its tasks, runs and report in a new <timestamp> folder under this one "
                    + "(default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--fixtures", defaultValue = "examples/fixtures/mle-bench-lite",
            description = "MLE-bench-format fixture competitions (default ${DEFAULT-VALUE}).")
    Path fixtures;

    @Mixin
    PluginPathOption pluginPath;

    @Override
    public Integer call() throws Exception {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Quickstart job = new Quickstart(pluginPath.load(), out.resolve(stamp), fixtures,
                quick ? Quickstart.Sizes.quick() : Quickstart.Sizes.full(), System.out);
        Experiment.Evaluated result = job.run(Path.of("provision", "provision.sh"));
        System.out.println();
        System.out.println("Run folder: " + result.runDir());
        result.report().ifPresent(index -> {
            System.out.println("Report (HTML): " + index.toAbsolutePath());
            System.out.println("Report (PDF):  " + index.resolveSibling("report.pdf").toAbsolutePath());
        });
        return SandmleCommand.OK;
    }
}
