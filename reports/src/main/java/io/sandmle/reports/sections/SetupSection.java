package io.sandmle.reports.sections;

import io.sandmle.reports.analysis.Dataset;
import io.sandmle.reports.analysis.Run;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Format;
import io.sandmle.reports.model.Section;
import java.util.ArrayList;
import java.util.List;

/** What was compared and how complete the data are. */
public final class SetupSection implements SectionBuilder {

    @Override
    public String id() {
        return "setup";
    }

    @Override
    public Section build(ReportContext context) {
        Dataset data = context.data();
        Blocks b = new Blocks(id(), "Setup and completeness");
        b.text(String.format("%d systems, %d tasks in %d suite(s), %d episodes. Score compared: %s. "
                        + "Missing (task, seed) pairs count as failures in the medal headline (MLE-bench's "
                        + "--pad-missing rule); the other statistics use the runs that exist.",
                data.systems().size(), data.tasks().size(), data.suites().size(), data.episodeCount(),
                data.scoreKind().description()));
        data.problems().forEach(b::notice);
        if (data.systems().isEmpty()) {
            return b.notice("No episodes were found in the given runs, so nothing can be compared: run "
                    + "'sandmle eval' first or check the run folder.").done();
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int s = 0; s < data.systems().size(); s++) {
            int[] tasks = data.tasksOf(s);
            long[] seeds = data.seedsOf(s);
            int episodes = 0;
            int valid = 0;
            int submitted = 0;
            double wall = 0;
            for (int t : tasks) {
                for (Run r : data.runs(s, t)) {
                    episodes++;
                    valid += r.valid() ? 1 : 0;
                    submitted += r.submitted() ? 1 : 0;
                    wall += r.wallMillis();
                }
            }
            long missing = (long) data.tasks().size() * seeds.length - episodes;
            rows.add(List.of(Cell.text(data.systems().get(s)), Cell.text(String.join(", ", data.runIds(s))),
                    Format.cell(tasks.length, 0), Format.cell(seeds.length, 0), Format.cell(episodes, 0),
                    Format.cell(submitted, 0), Format.cell(valid, 0), Format.cell(missing, 0),
                    Format.cell(episodes == 0 ? Double.NaN : wall / episodes / 1000.0, 1)));
            if (tasks.length < data.tasks().size()) {
                b.notice(String.format("System '%s' has no episodes on %d of the %d tasks; comparisons involving "
                                + "it use only the tasks both systems ran.", data.systems().get(s),
                        data.tasks().size() - tasks.length, data.tasks().size()));
            }
            if (missing > 0 && tasks.length == data.tasks().size()) {
                b.notice(String.format("System '%s' lacks %d (task, seed) episodes of a full %d × %d grid; the "
                                + "headline counts them as failures.", data.systems().get(s), missing,
                        data.tasks().size(), seeds.length));
            }
        }
        b.table("Completeness per system (counts of episodes; wall time is the mean per episode).",
                List.of("System", "Runs", "Tasks", "Seeds", "Episodes", "Submissions", "Valid submissions",
                        "Missing (task, seed)", "Mean wall time (s)"), rows);
        return b.done();
    }
}
