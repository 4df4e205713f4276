package io.sandmle.reports.sections;

import io.sandmle.reports.analysis.Dataset;
import io.sandmle.reports.charts.RankDistributionChart;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Format;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.stats.BradleyTerryBootstrap;
import io.sandmle.reports.stats.Descriptive;
import io.sandmle.reports.stats.Estimate;
import io.sandmle.reports.stats.Rankings;
import io.sandmle.reports.stats.TaskBootstrap;
import java.util.ArrayList;
import java.util.List;

/**
 * Rankings that do not all agree by design: mean score with a bootstrap rank distribution, Borda
 * and Kemeny consensus of per-task rankings, online Elo, and Bradley–Terry with a bootstrap CI.
 */
public final class RankingSection implements SectionBuilder {

    @Override
    public String id() {
        return "rankings";
    }

    @Override
    public Section build(ReportContext context) {
        Dataset data = context.data();
        Settings settings = context.settings();
        Blocks b = new Blocks(id(), "Rankings with uncertainty");
        int m = data.systems().size();
        if (m < 2) {
            return b.notice("Rankings need at least two systems; found " + m + ".").done();
        }
        int[] shared = data.commonTasks(data.allSystems());
        if (shared.length == 0) {
            return b.notice("No task was run by every system, so no common ranking exists; compare pairs instead.")
                    .done();
        }
        b.text("On the " + shared.length + " tasks every system ran (score = mean over runs). Rank by mean score "
                + "with its distribution over " + settings.reps() + " task-bootstrap replicates; Borda (m − rank "
                + "points per task) and Kemeny (the order closest to all task rankings by Kendall-tau distance) "
                + "aggregate task rankings; Elo (K = 32, averaged over " + settings.eloOrders() + " random game "
                + "orders) and Bradley–Terry (MLE, Elo scale) treat each task and pair as a game.");
        double[][] byTask = new double[shared.length][m];
        double[][] series = new double[m][];
        for (int s = 0; s < m; s++) {
            series[s] = data.taskMeans(s, shared);
            for (int t = 0; t < shared.length; t++) {
                byTask[t][s] = series[s][t];
            }
        }
        double[][] rankProbability = rankDistribution(series, settings.reps(), context.seedFor("ranks"));
        double[] observedRank = Rankings.ranksBestFirst(meanOf(series));
        double[] borda = Rankings.borda(byTask);
        int[] kemenyPosition = kemeny(byTask, b);
        double[] elo = Rankings.elo(byTask, settings.eloOrders(), context.seedFor("elo"));
        BradleyTerryBootstrap.Result btResult = BradleyTerryBootstrap.run(byTask, settings.reps(), context.seedFor("bt"));
        Estimate[] bt = btResult.elo();
        if (btResult.regularised()) {
            b.notice("Some group of systems never loses a task to the rest, so the Bradley–Terry MLE is infinite; "
                    + "strengths are computed with one half pseudo-game between every pair.");
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int s = 0; s < m; s++) {
            double[] p = rankProbability[s];
            rows.add(List.of(Cell.text(data.systems().get(s)), Format.cell(observedRank[s], 1),
                    Format.cell(p[0], 3), Cell.text(rankInterval(p)), Format.cell(borda[s], 1),
                    kemenyPosition == null ? Cell.text("n/a") : Format.cell(kemenyPosition[s], 0),
                    Format.cell(elo[s], 0), Format.cell(bt[s], 0)));
        }
        b.table("Ranks (1 = best). P(rank 1) and the 95 % rank interval come from the task bootstrap; "
                        + "Bradley–Terry is on the Elo scale (mean 1500) with a 95 % task-bootstrap CI.",
                List.of("System", "Rank by mean score", "P(rank 1)", "95 % rank interval", "Borda points",
                        "Kemeny position", "Elo (mean over orders)", "Bradley–Terry [95 % CI]"), rows);
        b.figure("distribution", "Bootstrap rank distribution: share of task-bootstrap replicates in which each "
                        + "system holds rank 1, 2, …",
                RankDistributionChart.create("Rank distribution (task bootstrap)", data.systems(), rankProbability),
                900, 120 + 40 * m);
        return b.done();
    }

    private static double[] meanOf(double[][] series) {
        double[] m = new double[series.length];
        for (int s = 0; s < series.length; s++) {
            m[s] = Descriptive.mean(series[s]);
        }
        return m;
    }

    /** {@code p[system][rank − 1]}; ties split their ranks evenly. */
    private static double[][] rankDistribution(double[][] series, int reps, long seed) {
        int m = series.length;
        double[][] means = TaskBootstrap.means(series, reps, seed);
        double[][] p = new double[m][m];
        for (double[] rep : means) {
            double[] r = Rankings.ranksBestFirst(rep);
            for (int s = 0; s < m; s++) {
                int lo = (int) Math.floor(r[s]);
                int hi = (int) Math.ceil(r[s]);
                p[s][lo - 1] += (lo == hi ? 1.0 : 0.5) / reps;
                if (hi != lo) {
                    p[s][hi - 1] += 0.5 / reps;
                }
            }
        }
        return p;
    }

    private static String rankInterval(double[] p) {
        double cum = 0;
        int lo = -1;
        int hi = p.length;
        for (int r = 0; r < p.length; r++) {
            cum += p[r];
            if (lo < 0 && cum > 0.025) {
                lo = r + 1;
            }
            if (cum >= 0.975 - 1e-12) {
                hi = r + 1;
                break;
            }
        }
        return lo == hi ? String.valueOf(lo) : lo + "–" + hi;
    }

    private static int[] kemeny(double[][] byTask, Blocks b) {
        int m = byTask[0].length;
        if (m > Rankings.KEMENY_LIMIT) {
            b.notice("Kemeny consensus is found by exhaustive search and is skipped for " + m + " systems (limit "
                    + Rankings.KEMENY_LIMIT + "); use Borda, its approximation.");
            return null;
        }
        int[] order = Rankings.kemeny(byTask).order();
        int[] position = new int[m];
        for (int i = 0; i < m; i++) {
            position[order[i]] = i + 1;
        }
        return position;
    }
}
