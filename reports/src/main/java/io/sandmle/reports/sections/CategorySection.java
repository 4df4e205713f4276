package io.sandmle.reports.sections;

import io.sandmle.reports.analysis.Dataset;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Format;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.stats.Descriptive;
import io.sandmle.reports.stats.Harmony;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Mean score per task category and harmony (how evenly a system performs across categories). */
public final class CategorySection implements SectionBuilder {

    @Override
    public String id() {
        return "categories";
    }

    @Override
    public Section build(ReportContext context) {
        Dataset data = context.data();
        Blocks b = new Blocks(id(), "Categories and harmony");
        List<String> categories = data.categories();
        if (data.systems().isEmpty() || categories.isEmpty()) {
            return b.notice("No tasks, so no category breakdown.").done();
        }
        b.text("Per category: mean over its tasks of the per-task mean score. Harmony = normalised entropy of a "
                + "system's category means (1 = equally good everywhere; low = the average hides weak categories).");
        List<String> headers = new ArrayList<>(List.of("System"));
        categories.forEach(c -> headers.add(c + ": mean score (tasks)"));
        headers.add("Harmony");
        List<List<Cell>> rows = new ArrayList<>();
        java.util.Set<String> harmonyProblems = new java.util.LinkedHashSet<>();
        for (int s = 0; s < data.systems().size(); s++) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(data.systems().get(s))));
            double[] means = new double[categories.size()];
            for (int c = 0; c < categories.size(); c++) {
                final int system = s;
                String category = categories.get(c);
                int[] tasks = IntStream.of(data.tasksOf(system))
                        .filter(t -> data.tasks().get(t).category().equals(category)).toArray();
                means[c] = tasks.length == 0 ? Double.NaN : Descriptive.mean(data.taskMeans(system, tasks));
                row.add(tasks.length == 0 ? Cell.text("not run")
                        : Cell.number(Format.num(means[c], 3) + " (" + tasks.length + ")", means[c]));
            }
            row.add(harmony(means, data.systems().get(s), harmonyProblems));
            rows.add(row);
        }
        b.table("Category means (number of tasks in brackets) and harmony per system.", headers, rows);
        harmonyProblems.forEach(b::notice);
        return b.done();
    }

    private static Cell harmony(double[] means, String system, java.util.Set<String> problems) {
        if (means.length < 2) {
            problems.add("Harmony needs at least two categories; these tasks have one, so it is not computed.");
            return Cell.text("n/a");
        }
        if (java.util.Arrays.stream(means).anyMatch(Double::isNaN)) {
            problems.add("Harmony of '" + system + "' is not computed: it did not run every category.");
            return Cell.text("n/a");
        }
        try {
            return Format.cell(Harmony.of(means), 3);
        } catch (IllegalArgumentException e) {
            problems.add("Harmony of '" + system + "' is not computed: " + e.getMessage() + ".");
            return Cell.text("n/a");
        }
    }
}
