package io.sandmle.reports.sections;

import io.sandmle.reports.analysis.Dataset;
import io.sandmle.reports.analysis.Outcome;
import io.sandmle.reports.analysis.Run;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Format;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.stats.Power;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How many runs per system a difference of a given size needs, and what the current runs can detect. */
public final class PowerSection implements SectionBuilder {

    private static final double ALPHA = 0.05;
    private static final double POWER = 0.8;
    private static final double[] DELTAS_PP = {1, 2, 3, 5, 10};

    @Override
    public String id() {
        return "power";
    }

    @Override
    public Section build(ReportContext context) {
        Dataset data = context.data();
        Blocks b = new Blocks(id(), "Power: runs needed");
        if (data.systems().isEmpty() || data.tasks().isEmpty()) {
            return b.notice("No runs, so no power statement.").done();
        }
        double vbar = 0;
        int cells = 0;
        List<Integer> runCounts = new ArrayList<>();
        for (int s = 0; s < data.systems().size(); s++) {
            for (int t : data.tasksOf(s)) {
                Run[] runs = data.runs(s, t);
                double p = Arrays.stream(runs).filter(Outcome.ANY_MEDAL::of).count() / (double) runs.length;
                vbar += p * (1 - p);
                cells++;
                runCounts.add(runs.length);
            }
        }
        vbar /= cells;
        int tasks = data.tasks().size();
        int medianRuns = runCounts.stream().sorted().toList().get(runCounts.size() / 2);
        b.text(String.format("Any-medal rate, two-sided α = %.2f, power %.0f %%, %d tasks, mean per-task run variance "
                        + "p(1−p) = %s (from the observed per-task medal rates). Runs per system to detect a "
                        + "difference δ: R = 2·v̄·(z_α/2 + z_β)² / (T·δ²).", ALPHA, POWER * 100, tasks,
                Format.num(vbar, 4)));
        if (vbar == 0) {
            return b.notice("Medal outcomes never vary between runs of a task (every task is always or never "
                    + "medalled), so the run variance is 0 and the formula asks for 0 runs; a power "
                    + "calculation is not meaningful here.").done();
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (double delta : DELTAS_PP) {
            double r = Power.runsNeeded(vbar, tasks, delta / 100, ALPHA, POWER);
            rows.add(List.of(Format.cell(delta, 0), Cell.number(Format.num(r, 2) + " → " + (int) Math.ceil(r),
                    r)));
        }
        b.table("Runs per system needed to detect a difference in any-medal rate of δ percentage points.",
                List.of("δ (percentage points)", "Runs needed (exact → rounded up)"), rows);
        double mde = Power.minimumDetectableDifference(vbar, tasks, medianRuns, ALPHA, POWER);
        b.text(String.format("With the current %d runs per task (median), the smallest any-medal difference "
                + "detectable with %.0f %% power is %s percentage points; smaller observed differences are not "
                + "distinguishable from run noise.", medianRuns, POWER * 100, Format.num(100 * mde, 2)));
        return b.done();
    }
}
