package io.sandmle.reports.sections;

import io.sandmle.api.CurvePoint;
import io.sandmle.reports.charts.BandChart;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Format;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.stats.Descriptive;
import io.sandmle.reports.stats.Estimate;
import io.sandmle.reports.stats.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;

/**
 * Learning curves of training runs: per metric and system, the mean over runs at each step with a
 * 95 % bootstrap band over runs, and Kendall's τ between step and value as a monotonicity check.
 */
public final class CurvesSection implements SectionBuilder {

    @Override
    public String id() {
        return "curves";
    }

    @Override
    public Section build(ReportContext context) {
        Blocks b = new Blocks(id(), "Learning curves");
        List<CurvePoint> points = context.input().curves();
        if (points.isEmpty()) {
            return b.notice("These runs contain no training curve points (only 'sandmle train' writes them), so "
                    + "there are no learning curves.").done();
        }
        b.text("Each line is the mean over training runs at each step; the band is a 95 % bootstrap interval over "
                + "runs (" + context.settings().reps() + " replicates) and is absent where only one run exists. "
                + "Kendall's τ between step and the mean value measures monotonic improvement (1 = always up).");
        Map<String, Map<String, Map<Integer, Map<String, Double>>>> byMetric = new TreeMap<>();
        for (CurvePoint p : points) {
            byMetric.computeIfAbsent(p.metric(), k -> new TreeMap<>())
                    .computeIfAbsent(p.system(), k -> new TreeMap<>())
                    .computeIfAbsent(p.step(), k -> new TreeMap<>()).put(p.runId(), p.value());
        }
        List<List<Cell>> rows = new ArrayList<>();
        List<String> constant = new ArrayList<>();
        for (var metric : byMetric.entrySet()) {
            List<BandChart.Line> lines = new ArrayList<>();
            for (var system : metric.getValue().entrySet()) {
                double[] steps = system.getValue().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
                Estimate[] values = system.getValue().values().stream()
                        .map(runs -> band(runs.values().stream().mapToDouble(Double::doubleValue).toArray(),
                                context.settings().reps(), context.seedFor("curve" + metric.getKey() + system.getKey())))
                        .toArray(Estimate[]::new);
                lines.add(new BandChart.Line(system.getKey(), steps, values));
                double[] means = java.util.Arrays.stream(values).mapToDouble(Estimate::point).toArray();
                double tau = steps.length < 2 ? Double.NaN : new KendallsCorrelation().correlation(steps, means);
                int runs = system.getValue().values().stream().flatMap(m -> m.keySet().stream())
                        .collect(Collectors.toSet()).size();
                rows.add(List.of(Cell.text(metric.getKey()), Cell.text(system.getKey()), Format.cell(runs, 0),
                        Format.cell(steps.length, 0), Format.cell(values[0], 3), Format.cell(values[values.length - 1], 3),
                        Format.cell(tau, 2)));
            }
            double[] all = metric.getValue().values().stream().flatMap(steps -> steps.values().stream())
                    .flatMap(runs -> runs.values().stream()).mapToDouble(Double::doubleValue).toArray();
            if (java.util.Arrays.stream(all).allMatch(v -> v == all[0])) {
                constant.add(metric.getKey() + " = " + Format.num(all[0], 3));
                continue; // a flat line on a magnified axis says less than one number
            }
            String id = metric.getKey().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT);
            b.figure(id, "Learning curve of '" + metric.getKey() + "': mean over runs, band = 95 % bootstrap over runs.",
                    BandChart.create("Learning curve: " + metric.getKey(), "training step", metric.getKey(), lines),
                    900, 380);
        }
        if (!constant.isEmpty()) {
            b.text("Constant at every step of every run, so not drawn: " + String.join(", ", constant) + ".");
        }
        b.table("Learning-curve summary: first and last step value (mean [95 % bootstrap CI over runs]) and "
                        + "Kendall's τ(step, value).",
                List.of("Metric", "System", "Runs", "Steps", "First value [95 % CI]", "Last value [95 % CI]",
                        "Kendall τ (monotonicity)"), rows);
        return b.done();
    }

    private static Estimate band(double[] runs, int reps, long seed) {
        double mean = Descriptive.mean(runs);
        if (runs.length < 2) {
            return Estimate.pointOnly(mean);
        }
        Rng rng = new Rng(seed);
        double[] replicate = new double[reps];
        for (int r = 0; r < reps; r++) {
            double s = 0;
            for (int i = 0; i < runs.length; i++) {
                s += runs[rng.nextInt(runs.length)];
            }
            replicate[r] = s / runs.length;
        }
        return Descriptive.percentileInterval(mean, replicate);
    }
}
