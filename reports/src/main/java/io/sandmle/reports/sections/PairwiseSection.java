package io.sandmle.reports.sections;

import io.sandmle.api.ReportInput;
import io.sandmle.reports.analysis.Dataset;
import io.sandmle.reports.analysis.Outcome;
import io.sandmle.reports.analysis.Run;
import io.sandmle.reports.charts.ForestPlot;
import io.sandmle.reports.charts.MatrixHeatmap;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Format;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.stats.EffectSizes;
import io.sandmle.reports.stats.Estimate;
import io.sandmle.reports.stats.McNemarTest;
import io.sandmle.reports.stats.Multiplicity;
import io.sandmle.reports.stats.PairedTTest;
import io.sandmle.reports.stats.ProbabilityOfImprovement;
import io.sandmle.reports.stats.SignFlipTest;
import io.sandmle.reports.stats.TaskBootstrap;
import io.sandmle.reports.stats.WilcoxonSignedRank;
import io.sandmle.support.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paired comparisons on shared tasks: per-task mean differences, a task-bootstrap CI, sign-flip
 * permutation, Wilcoxon and t tests with Holm and Benjamini–Hochberg adjustments, effect sizes,
 * probability of improvement, McNemar on medals per shared seed, and a verdict by the reference's
 * decision rule.
 */
public final class PairwiseSection implements SectionBuilder {

    /** One compared pair (A − B) and everything computed for it. */
    private record Pair(int a, int b, int units, Estimate difference, SignFlipTest.Result permutation,
                        WilcoxonSignedRank.Result wilcoxon, PairedTTest t, double dz, double cohenH, Estimate poi,
                        String mcnemar) {
    }

    @Override
    public String id() {
        return "pairwise";
    }

    @Override
    public Section build(ReportContext context) {
        Dataset data = context.data();
        Blocks b = new Blocks(id(), "Pairwise comparisons");
        boolean episodes = context.input().pairing() == ReportInput.Pairing.EPISODE;
        b.text((episodes
                ? "Unit of analysis = episode pair: d = score of A − score of B on each (task, seed) both ran, "
                + "treating the seeds of a task as independent pairs ('sandmle report --pairs episode'). The "
                + "difference CI still resamples whole tasks (a 95 % cluster bootstrap over tasks of each task's "
                + "mean d, "
                : "Unit of analysis = task: runs are first averaged per task, then d_t = mean score of A − mean "
                + "score of B on each task both ran. Difference CI: 95 % cluster bootstrap over tasks (")
                + context.settings().reps() + " replicates). p-values are two-sided: sign-flip permutation (exact up "
                + "to 20 pairs, else " + context.settings().permutationDraws() + " Monte-Carlo flips), Wilcoxon "
                + "signed-rank (zeros dropped), paired t. P(A>B) is the probability of improvement (mean over tasks "
                + "of P(run of A beats run of B), ties ½) with a task-bootstrap CI.");
        int m = data.systems().size();
        if (m < 2) {
            return b.notice("Pairwise comparisons need at least two systems; the data have " + m + ".").done();
        }
        int baseline = context.input().baseline() != null ? data.systems().indexOf(context.input().baseline()) : -1;
        if (context.input().baseline() != null && baseline < 0) {
            b.notice("The baseline '" + context.input().baseline() + "' has no episodes; all pairs are compared "
                    + "without a confirmatory family.");
        }
        List<Pair> pairs = new ArrayList<>();
        double[][] poiMatrix = new double[m][m];
        for (double[] row : poiMatrix) {
            Arrays.fill(row, Double.NaN);
        }
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                int a = baseline == i ? j : i;
                int bb = baseline == i ? i : j;
                int[] shared = data.commonTasks(a, bb);
                if (shared.length == 0) {
                    b.notice("'" + data.systems().get(a) + "' and '" + data.systems().get(bb) + "' share no task, so "
                            + "they cannot be compared.");
                    continue;
                }
                Pair p = compare(context, a, bb, shared);
                pairs.add(p);
                poiMatrix[a][bb] = p.poi().point();
                poiMatrix[bb][a] = 1 - p.poi().point();
            }
        }
        if (pairs.isEmpty()) {
            return b.done();
        }
        double[] p = pairs.stream().mapToDouble(x -> x.permutation().p()).toArray();
        double[] bh = Multiplicity.benjaminiHochberg(p);
        boolean[] confirmatory = new boolean[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            confirmatory[k] = baseline < 0 || pairs.get(k).b() == baseline;
        }
        double[] holm = holmWithin(p, confirmatory);
        List<List<Cell>> rows = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            Pair x = pairs.get(k);
            rows.add(List.of(Cell.text(data.systems().get(x.a())), Cell.text(data.systems().get(x.b())),
                    Format.cell(x.units(), 0), Format.cell(x.difference(), 3),
                    Cell.number(Format.p(x.permutation().p()) + (x.permutation().exact() ? " (exact)" : " (MC)"),
                            x.permutation().p()),
                    Cell.number(Format.p(holm[k]), holm[k]), Cell.number(Format.p(bh[k]), bh[k]),
                    Cell.number(Format.p(x.wilcoxon().p()) + " (W+ " + Format.num(x.wilcoxon().wPlus(), 1) + ", W− "
                            + Format.num(x.wilcoxon().wMinus(), 1) + ")", x.wilcoxon().p()),
                    Cell.number(Format.p(x.t().p()), x.t().p()), Format.cell(x.dz(), 2),
                    Format.cell(x.wilcoxon().rankBiserial(), 2), Format.cell(x.cohenH(), 2), Format.cell(x.poi(), 3),
                    Format.cell(EffectSizes.cliffsDelta(x.poi().point()), 2), Cell.text(x.mcnemar()),
                    Cell.text(verdict(x, Double.isNaN(holm[k]) ? bh[k] : holm[k], data))));
        }
        b.table("Paired comparisons A − B on shared " + (episodes ? "(task, seed) pairs" : "tasks")
                        + ". Mean difference [95 % task-bootstrap CI]; Holm = "
                        + (baseline >= 0 ? "adjusted within the confirmatory family 'each system vs the baseline'"
                        : "adjusted over all pairs") + "; BH = Benjamini–Hochberg over all pairs (both applied to "
                        + "the sign-flip p). Verdict: 'better' only if the difference CI excludes 0, the adjusted p < 0.05 "
                        + "and the P(A>B) CI excludes 0.5.",
                List.of("A", "B", episodes ? "Pairs (task, seed)" : "Tasks", "Mean difference A−B [95 % CI]", "Sign-flip p", "Holm-adjusted p",
                        "BH-adjusted p", "Wilcoxon p", "Paired t p", "Cohen's d_z", "Rank-biserial r",
                        "Cohen's h (any-medal rates)",
                        "P(A>B) [95 % CI]", "Cliff's δ", "McNemar on medals", "Verdict"), rows);
        List<String> labels = pairs.stream().map(x -> data.systems().get(x.a()) + " − " + data.systems().get(x.b()))
                .toList();
        Map<String, Estimate[]> panels = new LinkedHashMap<>();
        panels.put("Mean difference A − B", pairs.stream().map(Pair::difference).toArray(Estimate[]::new));
        panels.put("P(A > B)", pairs.stream().map(Pair::poi).toArray(Estimate[]::new));
        b.figure("differences", "Paired differences (left) and probability of improvement (right) per pair: dot = "
                        + "estimate, bar = 95 % task-bootstrap CI; 0 and 0.5 mean no difference.",
                ForestPlot.create("Paired comparisons with 95 % CIs", labels, panels), 900, 110 + 34 * pairs.size());
        b.figure("poi-matrix", "Probability of improvement P(row > column), averaged over shared tasks; 0.5 = no "
                        + "difference.",
                MatrixHeatmap.create("Probability of improvement (row beats column)", null, data.systems(),
                        data.systems(), poiMatrix, 0, 1, "P(row > column)"), 760, 140 + 60 * m);
        return b.done();
    }

    private static Pair compare(ReportContext context, int a, int b, int[] shared) {
        Dataset data = context.data();
        boolean episodes = context.input().pairing() == ReportInput.Pairing.EPISODE;
        double[] perTask = new double[shared.length];
        List<Double> pairs = new ArrayList<>();
        double[] ma = data.taskMeans(a, shared);
        double[] mb = data.taskMeans(b, shared);
        for (int t = 0; t < shared.length; t++) {
            if (episodes) {
                double[] d = episodeDifferences(data, a, b, shared[t]);
                Arrays.stream(d).forEach(pairs::add);
                perTask[t] = d.length == 0 ? Double.NaN : Arrays.stream(d).average().orElseThrow();
            } else {
                perTask[t] = ma[t] - mb[t];
            }
        }
        double[] d = episodes ? pairs.stream().mapToDouble(Double::doubleValue).toArray() : perTask;
        String key = data.systems().get(a) + "|" + data.systems().get(b);
        double[][] ra = data.runScores(a, shared);
        double[][] rb = data.runScores(b, shared);
        double[] poiPerTask = new double[shared.length];
        for (int t = 0; t < shared.length; t++) {
            poiPerTask[t] = ProbabilityOfImprovement.onTask(ra[t], rb[t]);
        }
        // Tasks without a shared seed have no episode pair; both intervals resample the same tasks together.
        int[] paired = java.util.stream.IntStream.range(0, shared.length).filter(t -> !Double.isNaN(perTask[t]))
                .toArray();
        Estimate[] cis = TaskBootstrap.meanIntervals(new double[][] {pick(perTask, paired), pick(poiPerTask, paired)},
                context.settings().reps(), context.seedFor("pair" + key));
        return new Pair(a, b, d.length, cis[0],
                SignFlipTest.test(d, context.settings().permutationDraws(), context.seedFor("perm" + key)),
                WilcoxonSignedRank.test(d), PairedTTest.of(d), EffectSizes.cohenDz(d),
                EffectSizes.cohenH(medalRate(data, a, shared), medalRate(data, b, shared)), cis[1],
                episodes ? pooledMcnemar(data, a, b, shared) : mcnemar(data, a, b, shared));
    }

    private static double[] pick(double[] values, int[] indices) {
        return Arrays.stream(indices).mapToDouble(i -> values[i]).toArray();
    }

    /** Score of A minus score of B for each seed both ran on one task. */
    private static double[] episodeDifferences(Dataset data, int a, int b, int task) {
        List<Double> d = new ArrayList<>();
        for (long seed : data.seedsOf(a)) {
            Run ra = data.runWithSeed(a, task, seed);
            Run rb = data.runWithSeed(b, task, seed);
            if (ra != null && rb != null) {
                d.add(ra.score() - rb.score());
            }
        }
        return d.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Share of the system's runs on these tasks that won any medal. */
    private static double medalRate(Dataset data, int s, int[] tasks) {
        int hits = 0;
        int runs = 0;
        for (int t : tasks) {
            for (Run r : data.runs(s, t)) {
                hits += Outcome.ANY_MEDAL.of(r) ? 1 : 0;
                runs++;
            }
        }
        return (double) hits / runs;
    }

    /** McNemar on any-medal per shared seed (pooling seeds would treat correlated runs as independent). */
    private static String mcnemar(Dataset data, int a, int b, int[] shared) {
        List<McNemarTest> tests = new ArrayList<>();
        for (long seed : sharedSeeds(data, a, b)) {
            tests.add(discordant(data, a, b, shared, new long[] {seed}));
        }
        if (tests.isEmpty()) {
            return "n/a: no shared seed";
        }
        if (tests.size() == 1) {
            return describe(tests.get(0));
        }
        double[] ps = tests.stream().mapToDouble(McNemarTest::exactP).filter(v -> !Double.isNaN(v)).toArray();
        if (ps.length == 0) {
            return "n/a: no discordant task in any seed";
        }
        return "median exact p " + Format.p(Quantiles.median(ps)) + " over " + ps.length + " seeds (range "
                + Format.p(Arrays.stream(ps).min().orElse(Double.NaN)) + "–"
                + Format.p(Arrays.stream(ps).max().orElse(Double.NaN)) + ")";
    }

    /** McNemar on any-medal over every (task, seed) pair, for episode pairing. */
    private static String pooledMcnemar(Dataset data, int a, int b, int[] shared) {
        long[] seeds = sharedSeeds(data, a, b);
        return seeds.length == 0 ? "n/a: no shared seed" : describe(discordant(data, a, b, shared, seeds));
    }

    private static long[] sharedSeeds(Dataset data, int a, int b) {
        long[] seedsOfB = data.seedsOf(b);
        return Arrays.stream(data.seedsOf(a)).filter(s -> Arrays.binarySearch(seedsOfB, s) >= 0).toArray();
    }

    /** Counts the (task, seed) pairs where only A, or only B, won a medal. */
    private static McNemarTest discordant(Dataset data, int a, int b, int[] shared, long[] seeds) {
        int bOnly = 0;
        int cOnly = 0;
        for (long seed : seeds) {
            for (int t : shared) {
                Run ra = data.runWithSeed(a, t, seed);
                Run rb = data.runWithSeed(b, t, seed);
                if (ra == null || rb == null) {
                    continue;
                }
                boolean wa = Outcome.ANY_MEDAL.of(ra);
                boolean wb = Outcome.ANY_MEDAL.of(rb);
                bOnly += wa && !wb ? 1 : 0;
                cOnly += wb && !wa ? 1 : 0;
            }
        }
        return McNemarTest.of(bOnly, cOnly);
    }

    private static String describe(McNemarTest x) {
        return Double.isNaN(x.exactP()) ? "n/a: no discordant pair" : "b=" + x.b() + ", c=" + x.c()
                + ", exact p " + Format.p(x.exactP()) + ", OR " + Format.withInterval(x.oddsRatioCi(), 2);
    }

    private static double[] holmWithin(double[] p, boolean[] inFamily) {
        double[] masked = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            masked[k] = inFamily[k] ? p[k] : Double.NaN;
        }
        return Multiplicity.holm(masked);
    }

    /**
     * Reference §5.8: better only if the CI excludes 0, the adjusted p (Holm in the confirmatory
     * family, BH otherwise) is below 0.05 and P(A>B)'s CI is above ½.
     */
    private static String verdict(Pair x, double p, Dataset data) {
        String a = data.systems().get(x.a());
        String b = data.systems().get(x.b());
        if (x.difference().above(0) && p < 0.05 && x.poi().above(0.5)) {
            return a + " better";
        }
        if (x.difference().below(0) && p < 0.05 && x.poi().below(0.5)) {
            return b + " better";
        }
        return "not distinguishable at this sample size";
    }
}
