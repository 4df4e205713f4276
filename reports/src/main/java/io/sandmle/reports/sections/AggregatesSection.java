package io.sandmle.reports.sections;

import io.sandmle.reports.analysis.Dataset;
import io.sandmle.reports.charts.BandChart;
import io.sandmle.reports.charts.ForestPlot;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Format;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.stats.Estimate;
import io.sandmle.reports.stats.PerformanceProfile;
import io.sandmle.reports.stats.StratifiedBootstrap;
import io.sandmle.reports.stats.StratifiedBootstrap.Aggregates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/** rliable's robust aggregates with stratified-bootstrap CIs, and performance profiles. */
public final class AggregatesSection implements SectionBuilder {

    private static final int PROFILE_POINTS = 51;

    @Override
    public String id() {
        return "aggregates";
    }

    @Override
    public Section build(ReportContext context) {
        Dataset data = context.data();
        Settings settings = context.settings();
        Blocks b = new Blocks(id(), "Robust aggregates and performance profiles");
        b.text("Median and mean are over per-task mean scores; IQM (interquartile mean: the middle 50 % of all "
                + "runs, trimming floor(n/4) from each end) and optimality gap (γ = " + Format.num(settings.gamma(), 2)
                + " minus the mean of min(score, γ); lower is better) pool every run. Intervals are 95 % stratified "
                + "bootstrap (runs redrawn within each task, " + settings.reps() + " replicates, percentile): run "
                + "noise on these tasks.");
        List<String> systems = new ArrayList<>();
        List<Aggregates> results = new ArrayList<>();
        List<BandChart.Line> profiles = new ArrayList<>();
        double[] range = scoreRange(data);
        double[] grid = PerformanceProfile.linspace(range[0], range[1], PROFILE_POINTS);
        boolean singleRuns = true;
        for (int s = 0; s < data.systems().size(); s++) {
            int[] tasks = data.tasksOf(s);
            if (tasks.length == 0) {
                continue;
            }
            double[][] runs = data.runScores(s, tasks);
            singleRuns &= Arrays.stream(runs).allMatch(r -> r.length == 1);
            systems.add(data.systems().get(s));
            results.add(new StratifiedBootstrap(runs, settings.gamma()).run(settings.reps(),
                    context.seedFor("aggregates" + s)));
            PerformanceProfile profile = PerformanceProfile.of(runs, grid, settings.profileReps(),
                    context.seedFor("profile" + s));
            profiles.add(new BandChart.Line(data.systems().get(s), grid, profile.curve()));
        }
        if (systems.isEmpty()) {
            return b.notice("No system has any scored run, so no aggregates or profiles.").done();
        }
        if (singleRuns) {
            b.notice("Every task has a single run per system, so resampling runs within a task changes nothing: "
                    + "the stratified intervals collapse to the point. Run several seeds per task, or read the "
                    + "task-bootstrap intervals in the headline and pairwise sections.");
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < systems.size(); i++) {
            Aggregates a = results.get(i);
            rows.add(List.of(Cell.text(systems.get(i)), Format.cell(a.median(), 3), Format.cell(a.iqm(), 3),
                    Format.cell(a.mean(), 3), Format.cell(a.optimalityGap(), 3)));
        }
        b.table("Aggregate score per system, point [95 % stratified-bootstrap CI].",
                List.of("System", "Median [95 % CI]", "IQM [95 % CI]", "Mean [95 % CI]",
                        "Optimality gap [95 % CI] (lower is better)"), rows);
        if (!(range[1] > range[0])) {
            return b.notice("Every run scores " + Format.num(range[0], 3) + ", so the interval and profile charts "
                    + "would each show a single point; they are not drawn.").done();
        }
        Map<String, Estimate[]> panels = new LinkedHashMap<>();
        panels.put("Median", results.stream().map(Aggregates::median).toArray(Estimate[]::new));
        panels.put("IQM", results.stream().map(Aggregates::iqm).toArray(Estimate[]::new));
        panels.put("Mean", results.stream().map(Aggregates::mean).toArray(Estimate[]::new));
        panels.put("Optimality gap", results.stream().map(Aggregates::optimalityGap).toArray(Estimate[]::new));
        b.figure("forest", "Interval estimates: dot = point estimate, bar = 95 % stratified-bootstrap CI.",
                ForestPlot.create("Aggregate scores with 95 % CIs", systems, panels), 900,
                110 + 34 * systems.size());
        JFreeChart profileChart = BandChart.create("Performance profiles", "score threshold τ",
                "fraction of runs with score > τ", profiles);
        profileChart.getXYPlot().getRangeAxis().setRange(0, 1.02); // a fraction: keep the full scale
        b.figure("profiles", "Performance profiles: fraction of runs scoring above τ (run-score distribution), "
                        + "shaded band = 95 % task-bootstrap CI (" + settings.profileReps() + " replicates).",
                profileChart, 900, 420);
        return b.done();
    }

    /** The lowest and highest run score over every system; [0, 1] when there is none. */
    private static double[] scoreRange(Dataset data) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.systems().size(); s++) {
            for (double[] runs : data.runScores(s, data.tasksOf(s))) {
                for (double v : runs) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo == Double.POSITIVE_INFINITY ? new double[] {0, 1} : new double[] {lo, hi};
    }
}
