package io.sandmle.reports.sections;

import io.sandmle.reports.analysis.Dataset;
import io.sandmle.reports.analysis.TaskKey;
import io.sandmle.reports.charts.MatrixHeatmap;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Format;
import io.sandmle.reports.model.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Systems × tasks: mean score over runs per cell, tasks ordered from easiest to hardest. */
public final class PerTaskSection implements SectionBuilder {

    @Override
    public String id() {
        return "per-task";
    }

    @Override
    public Section build(ReportContext context) {
        Dataset data = context.data();
        Blocks b = new Blocks(id(), "Per-task breakdown");
        int m = data.systems().size();
        int tasks = data.tasks().size();
        if (m == 0 || tasks == 0) {
            return b.notice("No tasks were run, so there is no per-task breakdown.").done();
        }
        double[][] mean = new double[m][tasks];
        for (int s = 0; s < m; s++) {
            Arrays.fill(mean[s], Double.NaN);
            for (int t : data.tasksOf(s)) {
                mean[s][t] = data.taskMeans(s, new int[]{t})[0];
            }
        }
        double[] difficulty = new double[tasks];
        for (int t = 0; t < tasks; t++) {
            final int task = t;
            difficulty[t] = IntStream.range(0, m).mapToDouble(s -> mean[s][task]).filter(v -> !Double.isNaN(v))
                    .average().orElse(Double.NaN);
        }
        Integer[] order = IntStream.range(0, tasks).boxed()
                .sorted(Comparator.comparingDouble((Integer t) -> -difficulty[t]).thenComparing(t -> t))
                .toArray(Integer[]::new);
        double[][] sorted = new double[m][tasks];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < m; s++) {
            for (int k = 0; k < tasks; k++) {
                double v = mean[s][order[k]];
                sorted[s][k] = v;
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        List<String> labels = Arrays.stream(order).map(t -> data.tasks().get(t).label()).toList();
        b.figure("heatmap", "Mean score over runs per system and task; tasks sorted by mean over systems (easiest "
                        + "left); grey = not run.",
                MatrixHeatmap.create("Per-task mean score", tasks <= 40 ? "task" : "task (easiest → hardest)",
                        data.systems(), labels, sorted, lo, hi > lo ? hi : lo + 1, "mean score"),
                900, 150 + 40 * m);
        List<String> headers = new ArrayList<>(List.of("Task", "Suite", "Category"));
        data.systems().forEach(s -> headers.add(s + ": mean score (runs)"));
        List<List<Cell>> rows = new ArrayList<>();
        for (int t : order) {
            TaskKey key = data.tasks().get(t);
            List<Cell> row = new ArrayList<>(List.of(Cell.text(key.taskId()), Cell.text(key.suite()),
                    Cell.text(key.category())));
            for (int s = 0; s < m; s++) {
                int runs = data.runs(s, t).length;
                row.add(runs == 0 ? Cell.text("not run") : Cell.number(Format.num(mean[s][t], 3) + " (" + runs + ")",
                        mean[s][t]));
            }
            rows.add(row);
        }
        b.table("Mean score over runs per task (number of runs in brackets); click a heading to sort.", headers, rows);
        return b.done();
    }
}
