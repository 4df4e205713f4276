package io.sandmle.cli.bench;

import io.sandmle.api.BenchContext;
import io.sandmle.api.BenchResult;
import io.sandmle.api.BenchResult.Row;
import io.sandmle.api.BenchResult.Unit;
import io.sandmle.api.BenchSize;
import io.sandmle.api.Benchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per-step wall time of one micro-task script run bare, in a cold sandbox, on a warm worker and (full size,
 * when {@code SLURM_CONF} points at a cluster) on Slurm, one job per step and through the warm pool
 * ({@link StepTimes}); the summary holds the harness's overhead against the baselines it has targets for.
 */
public final class StepsBenchmark implements Benchmark {

    /** The most a cold sandbox may add to bare python. */
    private static final double COLD_OVERHEAD_MS = 150;
    /** The most a warm-worker step may add to the same fit in an interpreter that imported everything. */
    private static final double WARM_OVERHEAD_MS = 50;
    /** The most a Slurm warm-pool step may add to a local warm-worker step (one HTTP call to the pilot). */
    private static final double POOL_OVERHEAD_MS = 50;

    @Override
    public String name() {
        return "steps";
    }

    @Override
    public String description() {
        return "Wall time of one micro-task step (150 rows, random forest, writes submission.csv) in a cold sandbox, "
                + "on a warm worker and on Slurm (a job per step, and the warm pool), against bare /usr/bin/python3 and an "
                + "in-process fit.";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        StepTimes.Report report = new StepTimes(context.size().pick(9, 15), context.size() == BenchSize.FULL)
                .run(context.scratch());
        context.out().print(report.table());
        Map<String, Double> m = report.medians();
        List<Row> rows = new ArrayList<>();
        add(rows, m, "cold sandbox vs bare python, empty script", StepTimes.EMPTY_COLD, StepTimes.EMPTY_BARE,
                COLD_OVERHEAD_MS);
        add(rows, m, "cold sandbox vs bare python, random forest", StepTimes.COLD, StepTimes.BARE, COLD_OVERHEAD_MS);
        add(rows, m, "warm worker vs in-process fit, random forest", StepTimes.WARM, StepTimes.FIT, WARM_OVERHEAD_MS);
        add(rows, m, "warm worker vs bare python, random forest", StepTimes.WARM, StepTimes.BARE, Double.NaN);
        add(rows, m, "slurm vs bare python, random forest", StepTimes.SLURM, StepTimes.BARE, Double.NaN);
        add(rows, m, "slurm warm pool vs local warm worker, random forest", StepTimes.SLURM_POOL, StepTimes.WARM,
                POOL_OVERHEAD_MS);
        if (report.poolStartupMillis() != null) {
            rows.add(Row.of("slurm warm pool start-up (first episode open)", report.poolStartupMillis() / 1000,
                    Unit.SECONDS));
        }
        return new BenchResult(rows);
    }

    /**
     * A row when both variants ran (warm workers and Slurm are not everywhere); held to at most
     * {@code maxOverheadMs} over the baseline unless that is NaN.
     */
    private static void add(List<Row> rows, Map<String, Double> medians, String metric, String variant,
                            String baseline, double maxOverheadMs) {
        Double v = medians.get(variant);
        Double b = medians.get(baseline);
        if (v == null || b == null) {
            return;
        }
        Row row = Row.of(metric, v, Unit.MILLISECONDS).withBaseline(b);
        rows.add(Double.isNaN(maxOverheadMs) ? row
                : row.withTarget("<= baseline + " + (int) maxOverheadMs + " ms", v - b <= maxOverheadMs));
    }
}
