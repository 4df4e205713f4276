package io.sandmle.reports.sections;

import io.sandmle.reports.analysis.Dataset;
import io.sandmle.reports.analysis.Outcome;
import io.sandmle.reports.analysis.Run;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Format;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.stats.Descriptive;
import io.sandmle.reports.stats.PassAtK;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** pass@k (≥ 1 medal in k runs) and pass^k (medals in all k runs), and the run-to-run spread. */
public final class ReliabilitySection implements SectionBuilder {

    private static final int[] KS = {1, 2, 3, 5, 10, 20, 50, 100};

    @Override
    public String id() {
        return "reliability";
    }

    @Override
    public Section build(ReportContext context) {
        Dataset data = context.data();
        Blocks b = new Blocks(id(), "Reliability: pass@k and pass^k");
        b.text("Success = any medal. pass@k is the unbiased chance that at least one of k runs succeeds "
                + "(1 − C(n−c,k)/C(n,k)); pass^k the chance that all k succeed (C(c,k)/C(n,k)); both averaged over "
                + "tasks, with k capped at the fewest runs any task has. Missing runs are not counted as failures "
                + "here (unlike the headline). Single-run spread = SD over seeds of the per-seed any-medal %.");
        List<List<Cell>> rows = new ArrayList<>();
        for (int system = 0; system < data.systems().size(); system++) {
            final int s = system;
            int[] tasks = data.tasksOf(s);
            if (tasks.length == 0) {
                continue;
            }
            int minRuns = Arrays.stream(tasks).map(t -> data.runs(s, t).length).min().orElse(0);
            for (int k : KS) {
                if (k > minRuns) {
                    break;
                }
                double at = 0;
                double hat = 0;
                for (int t : tasks) {
                    Run[] runs = data.runs(s, t);
                    int c = (int) Arrays.stream(runs).filter(Outcome.ANY_MEDAL::of).count();
                    at += PassAtK.passAt(runs.length, c, k) / tasks.length;
                    hat += PassAtK.passHat(runs.length, c, k) / tasks.length;
                }
                rows.add(List.of(Cell.text(data.systems().get(s)), Format.cell(k, 0), Format.cell(100 * at, 2),
                        Format.cell(100 * hat, 2), Format.cell(minRuns, 0), spread(data, s, tasks)));
            }
        }
        if (rows.isEmpty()) {
            return b.notice("No system has runs, so pass@k cannot be computed.").done();
        }
        b.table("pass@k and pass^k in percent (point estimates; unbiased estimators over the available runs).",
                List.of("System", "k", "pass@k %", "pass^k %", "Fewest runs on a task", "Single-run any-medal % "
                        + "(mean ± SD over seeds)"), rows);
        return b.done();
    }

    private static Cell spread(Dataset data, int s, int[] tasks) {
        long[] seeds = data.seedsOf(s);
        double[] pct = new double[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            int hits = 0;
            for (int t : tasks) {
                hits += Outcome.ANY_MEDAL.of(data.runWithSeed(s, t, seeds[i])) ? 1 : 0;
            }
            pct[i] = 100.0 * hits / tasks.length;
        }
        double mean = Descriptive.mean(pct);
        return Cell.number(Format.num(mean, 2) + " ± " + Format.num(Descriptive.sd(pct), 2), mean);
    }
}
