package io.sandmle.runner.cli;

import io.sandmle.runner.bench.StepsBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sandmle bench steps}: per-step wall time of bare python, cold sandbox, warm worker and Slurm. */
@Command(name = "steps", mixinStandardHelpOptions = true,
        description = "Per-step wall time of one micro-task script (150 rows, random forest, writes submission.csv): "
                + "bare /usr/bin/python3, cold sandboxed step, warm-worker step, Slurm step; medians and ratios.")
public final class BenchStepsCommand implements Callable<Integer> {

    @Option(names = "--repeats", defaultValue = "9", description = "Measured runs per variant (default 9).")
    int repeats;

    @Option(names = "--slurm", defaultValue = "true", negatable = true,
            description = "Include the Slurm step when a cluster answers (SLURM_CONF); --no-slurm skips it.")
    boolean slurm;

    @Override
    public Integer call() throws Exception {
        System.out.print(new StepsBenchmark(repeats, slurm).run().table());
        return SandmleCommand.OK;
    }
}
