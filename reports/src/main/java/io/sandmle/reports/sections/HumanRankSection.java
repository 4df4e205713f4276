package io.sandmle.reports.sections;

import io.sandmle.reports.analysis.Dataset;
import io.sandmle.reports.analysis.Run;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Format;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.stats.Descriptive;
import io.sandmle.reports.stats.TaskBootstrap;
import io.sandmle.support.Quantiles;
import java.util.ArrayList;
import java.util.List;

/** MLE-Dojo's HumanRank: mean position score among human competitors, with a task-bootstrap CI. */
public final class HumanRankSection implements SectionBuilder {

    @Override
    public String id() {
        return "humanrank";
    }

    @Override
    public Section build(ReportContext context) {
        Dataset data = context.data();
        Blocks b = new Blocks(id(), "HumanRank (MLE-Dojo)");
        List<List<Cell>> rows = new ArrayList<>();
        for (int s = 0; s < data.systems().size(); s++) {
            List<Double> perTask = new ArrayList<>();
            List<Double> bestPerTask = new ArrayList<>();
            for (int t : data.tasksOf(s)) {
                double sum = 0;
                double best = 0;
                int n = 0;
                for (Run r : data.runs(s, t)) {
                    double v = Double.isNaN(r.humanRank()) || !r.valid() ? 0 : r.humanRank();
                    sum += v;
                    best = Math.max(best, v);
                    n++;
                }
                if (data.runs(s, t).length > 0 && java.util.Arrays.stream(data.runs(s, t))
                        .anyMatch(r -> !Double.isNaN(r.humanRank()))) {
                    perTask.add(sum / n);
                    bestPerTask.add(best);
                }
            }
            if (perTask.isEmpty()) {
                continue;
            }
            double[] values = perTask.stream().mapToDouble(Double::doubleValue).toArray();
            double[] best = bestPerTask.stream().mapToDouble(Double::doubleValue).toArray();
            rows.add(List.of(Cell.text(data.systems().get(s)),
                    Format.cell(TaskBootstrap.meanInterval(values, context.settings().reps(),
                            context.seedFor("humanrank" + s)), 3),
                    Format.cell(Quantiles.median(values), 3), Format.cell(Descriptive.mean(best), 3),
                    Format.cell(values.length, 0)));
        }
        if (rows.isEmpty()) {
            return b.notice("No grade carries a HumanRank (it needs a task with a human leaderboard, as in MLE-Dojo), "
                    + "so the section is left out.").done();
        }
        b.text("HumanRank = (total − position + 1)/total on the task's human leaderboard(s); 1 = top, 0 = below "
                + "everyone. An invalid or missing submission scores 0. Per task the runs are averaged first.");
        b.table("HumanRank per system over tasks with a leaderboard: mean [95 % task-bootstrap CI], median, and the "
                        + "mean of the best run per task.",
                List.of("System", "Mean HumanRank [95 % CI]", "Median HumanRank", "Mean best-of-runs HumanRank",
                        "Tasks"), rows);
        return b.done();
    }
}
