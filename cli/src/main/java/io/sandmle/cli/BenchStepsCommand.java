package io.sandmle.cli;

import io.sandmle.cli.bench.BenchTable;
import io.sandmle.cli.bench.StepsBenchmark;
import java.util.Map;
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
        StepsBenchmark.Report report = new StepsBenchmark(repeats, slurm).run();
        System.out.print(report.table());
        Map<String, Double> m = report.medians();
        record(m, "step: cold sandbox vs bare python, empty script", "cold sandbox, empty script",
                "bare python, empty script", 150);
        record(m, "step: cold sandbox vs bare python, random forest", "cold sandbox step", "bare python", 150);
        record(m, "step: warm worker vs in-process fit, random forest", "warm worker step", "in-process fit (floor)", 50);
        record(m, "step: warm worker vs bare python, random forest", "warm worker step", "bare python", Double.NaN);
        return SandmleCommand.OK;
    }

    /** A summary row; the target, when there is one, is at most {@code maxOverheadMs} over the baseline. */
    private static void record(Map<String, Double> medians, String name, String variant, String baseline,
                               double maxOverheadMs) {
        Double v = medians.get(variant);
        Double b = medians.get(baseline);
        if (v != null && b != null) {
            boolean hasTarget = !Double.isNaN(maxOverheadMs);
            BenchTable.record(new BenchTable.Row(name, v, b, "ms",
                    hasTarget ? "<= baseline + " + (int) maxOverheadMs + " ms" : "-",
                    hasTarget ? v - b <= maxOverheadMs : null));
        }
    }
}
