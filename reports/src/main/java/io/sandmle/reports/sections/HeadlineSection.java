package io.sandmle.reports.sections;

import io.sandmle.reports.analysis.Dataset;
import io.sandmle.reports.analysis.Outcome;
import io.sandmle.reports.analysis.Run;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Format;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.stats.Estimate;
import io.sandmle.reports.stats.RateIntervals;
import io.sandmle.reports.stats.SeedRates;
import io.sandmle.reports.stats.TaskBootstrap;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * MLE-bench's headline: each outcome as a percentage per seed over every task of the scope
 * (missing counts as failure), mean ± SEM over seeds; and the any-medal rate's 95 % CI by a
 * cluster bootstrap over tasks, which also covers task sampling.
 */
public final class HeadlineSection implements SectionBuilder {

    @Override
    public String id() {
        return "headline";
    }

    @Override
    public Section build(ReportContext context) {
        Dataset data = context.data();
        Blocks b = new Blocks(id(), "Headline: medal rates (MLE-bench convention)");
        b.text("Each percentage is computed per seed over every task of the scope, then averaged over seeds: "
                + "mean ± SEM (ddof 1) answers 'how much would this move if we re-ran the same tasks' (run noise "
                + "only). The task-bootstrap 95 % CI resamples tasks, so it also covers which tasks were drawn; "
                + "it is the honest interval for claims about capability.");
        if (data.systems().isEmpty()) {
            return b.notice("No episodes, so no medal rates.").done();
        }
        List<String> scopes = new ArrayList<>();
        scopes.add(null);
        if (data.suites().size() > 1) {
            scopes.addAll(data.suites());
        }
        for (String suite : scopes) {
            int[] tasks = IntStream.range(0, data.tasks().size())
                    .filter(t -> suite == null || data.tasks().get(t).suite().equals(suite)).toArray();
            List<List<Cell>> rows = new ArrayList<>();
            for (int s = 0; s < data.systems().size(); s++) {
                rows.add(row(context, s, tasks, suite));
            }
            List<String> headers = new ArrayList<>(List.of("System", "Any medal % (mean ± SEM over seeds)",
                    "Any medal % 95 % CI (task bootstrap)"));
            for (Outcome o : Outcome.values()) {
                if (o != Outcome.ANY_MEDAL) {
                    headers.add(o.label() + " % (mean ± SEM)");
                }
            }
            headers.addAll(List.of("Any medal % Wilson [Clopper–Pearson] 95 % CI (one seed only)", "Seeds", "Tasks"));
            b.table((suite == null ? "All suites" : "Suite " + suite) + ": outcome rates in percent; "
                    + context.settings().reps() + " bootstrap replicates for the task CI.", headers, rows);
        }
        for (int s = 0; s < data.systems().size(); s++) {
            if (data.seedsOf(s).length == 1) {
                b.notice("System '" + data.systems().get(s) + "' has one seed, so its SEM is 0 and says nothing "
                        + "about run noise; run at least 3 seeds (MLE-bench's minimum).");
            }
        }
        return b.done();
    }

    private static List<Cell> row(ReportContext context, int s, int[] tasks, String suite) {
        Dataset data = context.data();
        long[] seeds = data.seedsOf(s);
        List<Cell> row = new ArrayList<>();
        row.add(Cell.text(data.systems().get(s)));
        if (seeds.length == 0 || tasks.length == 0) {
            for (int i = 0; i < Outcome.values().length + 2; i++) {
                row.add(Cell.text("n/a"));
            }
            row.add(Format.cell(seeds.length, 0));
            row.add(Format.cell(tasks.length, 0));
            return row;
        }
        for (Outcome outcome : Outcome.values()) {
            int[] hits = new int[seeds.length];
            double[] taskRate = new double[tasks.length];
            for (int i = 0; i < seeds.length; i++) {
                for (int k = 0; k < tasks.length; k++) {
                    if (outcome.of(data.runWithSeed(s, tasks[k], seeds[i]))) {
                        hits[i]++;
                        taskRate[k] += 1.0 / seeds.length;
                    }
                }
            }
            SeedRates rates = SeedRates.of(hits, tasks.length);
            row.add(Cell.number(Format.num(rates.mean(), 2) + " ± " + Format.num(rates.sem(), 2), rates.mean()));
            if (outcome == Outcome.ANY_MEDAL) {
                Estimate ci = TaskBootstrap.meanInterval(taskRate, context.settings().reps(),
                        context.seedFor("headline" + suite + s)).scaled(100);
                row.add(Format.cell(ci, 2));
            }
        }
        row.add(singleSeedIntervals(data, s, tasks, seeds));
        row.add(Format.cell(seeds.length, 0));
        row.add(Format.cell(tasks.length, 0));
        return row;
    }

    /** Binomial intervals assume independent attempts: true with one seed, false across seeds of a task. */
    private static Cell singleSeedIntervals(Dataset data, int s, int[] tasks, long[] seeds) {
        if (seeds.length != 1) {
            return Cell.text("n/a: " + seeds.length + " seeds (attempts on a task are correlated; use the task CI)");
        }
        int hits = 0;
        for (int t : tasks) {
            hits += Outcome.ANY_MEDAL.of(data.runWithSeed(s, t, seeds[0])) ? 1 : 0;
        }
        Estimate wilson = RateIntervals.wilson(hits, tasks.length).scaled(100);
        Estimate exact = RateIntervals.clopperPearson(hits, tasks.length).scaled(100);
        return Cell.number(Format.withInterval(wilson, 2) + " [CP " + Format.num(exact.low(), 2) + ", "
                + Format.num(exact.high(), 2) + "]", wilson.point());
    }

}
