package io.sandmle.reports.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.support.Quantiles;
import org.junit.jupiter.api.Test;

/** Every numeric test vector of shared/reference/statistics.md, section by section. */
class ReferenceVectorsTest {

    private static final double[][] S_BY_TASK = transpose(new double[][]{
        {0.10, 0.55, 0.80, 1.20}, {0.00, 0.60, 0.90, 1.50}, {0.20, 0.40, 0.70, 1.10}});

    @Test
    void rliableAggregates_3_1to3_4() {
        StratifiedBootstrap.Aggregates a = new StratifiedBootstrap(S_BY_TASK, 1.0).pointEstimates();
        assertEquals(0.658333333, a.median().point(), 1e-8);
        assertEquals(0.670833333, a.mean().point(), 1e-8);
        assertEquals(0.658333333, a.iqm().point(), 1e-8);
        assertEquals(0.395833333, a.optimalityGap().point(), 1e-8);
        assertEquals(11 / 12.0, PerformanceProfile.runScoreAt(S_BY_TASK, 0), 1e-12);
        assertEquals(8 / 12.0, PerformanceProfile.runScoreAt(S_BY_TASK, 0.5), 1e-12);
        assertEquals(3 / 12.0, PerformanceProfile.runScoreAt(S_BY_TASK, 1.0), 1e-12);
        assertEquals(1.0, PerformanceProfile.averageScoreAt(S_BY_TASK, 0), 1e-12);
        assertEquals(0.75, PerformanceProfile.averageScoreAt(S_BY_TASK, 0.5), 1e-12);
        assertEquals(0.25, PerformanceProfile.averageScoreAt(S_BY_TASK, 1.0), 1e-12);
        assertEquals(5.5, Descriptive.iqm(new double[]{5, 1, 9, 3, 7, 2, 8, 4, 6, 10}), 1e-12);
        StratifiedBootstrap.Aggregates rl = new StratifiedBootstrap(
                transpose(new double[][]{{1, 2}, {2, 2}, {1, 1}, {2, 1}}), 1).pointEstimates();
        assertEquals(1.5, rl.median().point(), 1e-12);
        assertEquals(1.5, rl.mean().point(), 1e-12);
        assertEquals(1.5, rl.iqm().point(), 1e-12);
    }

    @Test
    void probabilityOfImprovement_3_5_handlesMannWhitneyOrientation() {
        double[][] x = transpose(new double[][]{{1, 2}, {2, 2}, {1, 1}, {2, 1}});
        double[][] y = transpose(new double[][]{{1, 1}, {2, 2}, {3, 3}});
        assertEquals(1 / 3.0, ProbabilityOfImprovement.overTasks(x, y), 1e-12);
        double[][] px = transpose(new double[][]{{0.5, 0.2}, {0.7, 0.2}, {0.6, 0.9}});
        double[][] py = transpose(new double[][]{{0.4, 0.2}, {0.6, 0.3}});
        assertEquals(0.75, ProbabilityOfImprovement.onTask(px[0], py[0]), 1e-12);
        assertEquals(0.5, ProbabilityOfImprovement.onTask(px[1], py[1]), 1e-12);
        assertEquals(0.625, ProbabilityOfImprovement.overTasks(px, py), 1e-12);
        // Commons Math returns max(U1, U2) = 4.5 whichever way round; our orientation matters.
        org.apache.commons.math3.stat.inference.MannWhitneyUTest cm = new org.apache.commons.math3.stat.inference.MannWhitneyUTest();
        assertEquals(4.5, cm.mannWhitneyU(px[0], py[0]), 1e-12);
        assertEquals(4.5, cm.mannWhitneyU(py[0], px[0]), 1e-12);
        assertEquals(0.25, ProbabilityOfImprovement.onTask(py[0], px[0]), 1e-12);
        assertEquals(0.5, ProbabilityOfImprovement.onTask(px[0], px[0].clone()), 1e-12);
    }

    @Test
    void passAtK_3_6() {
        double[] at = {0.3, 0.533333333, 0.708333333, 0.916666667, 1.0};
        int[] ks = {1, 2, 3, 5, 10};
        for (int i = 0; i < ks.length; i++) {
            assertEquals(at[i], PassAtK.passAt(10, 3, ks[i]), 1e-8);
        }
        assertEquals(0.3, PassAtK.passHat(10, 3, 1), 1e-12);
        assertEquals(3 / 45.0, PassAtK.passHat(10, 3, 2), 1e-12);
        assertEquals(1 / 120.0, PassAtK.passHat(10, 3, 3), 1e-12);
        assertEquals(0.0, PassAtK.passHat(10, 3, 5), 1e-12);
        int[] c = {5, 3, 1, 0};
        double[][] expected = {{1, 0.45, 0.45}, {2, 0.575, 0.325}, {3, 0.65, 0.275}, {5, 0.75, 0.25}};
        for (double[] e : expected) {
            double at2 = 0;
            double hat = 0;
            for (int ci : c) {
                at2 += PassAtK.passAt(5, ci, (int) e[0]) / 4;
                hat += PassAtK.passHat(5, ci, (int) e[0]) / 4;
            }
            assertEquals(e[1], at2, 1e-12);
            if (e[0] > 1) {
                assertEquals(e[2], hat, 1e-12);
            }
        }
    }

    @Test
    void eloAndBradleyTerry_3_8() {
        assertArrayEquals(new double[]{1516, 1484}, Rankings.eloUpdate(1500, 1500, 1, 32), 1e-9);
        assertArrayEquals(new double[]{1611.5179, 1488.4821}, Rankings.eloUpdate(1600, 1500, 1, 32), 1e-4);
        assertArrayEquals(new double[]{1579.5179, 1520.4821}, Rankings.eloUpdate(1600, 1500, 0, 32), 1e-4);
        double[][] w = {{0, 7, 8}, {3, 0, 6}, {2, 4, 0}};
        double[] pi = Rankings.bradleyTerry(w);
        assertArrayEquals(new double[]{2.097130, 0.861481, 0.553514}, pi, 1e-6);
        assertArrayEquals(new double[]{1628.650, 1474.098, 1397.252}, Rankings.eloScale(pi), 1e-3);
        assertEquals(0.708823, pi[0] / (pi[0] + pi[1]), 1e-6);
    }

    @Test
    void harmony_3_9() {
        assertEquals(1.0, Harmony.of(new double[]{0.9, 0.9, 0.9}), 1e-9);
        assertEquals(0.776649, Harmony.of(new double[]{0.9, 0.5, 0.1}), 1e-6);
        assertEquals(0.630930, Harmony.of(new double[]{0.8, 0.8, 0.0}), 1e-6);
    }

    @Test
    void bordaAndKemenyAreNotConflated_3_10() {
        // Orders best→worst per task: CBDA, DACB, DCBA, CABD, DCAB; systems A..D = 0..3.
        String[] orders = {"CBDA", "DACB", "DCBA", "CABD", "DCAB"};
        double[][] scores = new double[orders.length][4];
        for (int t = 0; t < orders.length; t++) {
            for (int pos = 0; pos < 4; pos++) {
                scores[t][orders[t].charAt(pos) - 'A'] = 4 - pos;
            }
        }
        assertArrayEquals(new double[]{5, 4, 11, 10}, Rankings.borda(scores), 1e-12);
        Rankings.Consensus k = Rankings.kemeny(scores);
        assertArrayEquals(new int[]{3, 2, 0, 1}, k.order());
        assertEquals(8, k.cost(), 1e-12);
    }

    @Test
    void percentileDefinitionIsType7_4_1() {
        double[] all = {0.10, 0.55, 0.80, 1.20, 0.00, 0.60, 0.90, 1.50, 0.20, 0.40, 0.70, 1.10};
        assertEquals(0.0275, Quantiles.quantile(all, 0.025), 1e-12);
        assertEquals(1.4175, Quantiles.quantile(all, 0.975), 1e-12);
        assertEquals(0.65, Quantiles.median(all), 1e-12);
        // Commons Math's default (LEGACY) differs: the pitfall this guards against.
        assertEquals(0.0, new org.apache.commons.math3.stat.descriptive.rank.Percentile().evaluate(all, 2.5), 1e-12);
    }

    @Test
    void mleBenchSeedRates_4_2() {
        SeedRates low = SeedRates.of(new int[]{17, 18, 18}, 22);
        assertEquals(80.30, low.mean(), 0.005);
        assertEquals(1.52, low.sem(), 0.005);
        SeedRates all = SeedRates.of(new int[]{44, 47, 47}, 75);
        assertEquals(61.33, all.mean(), 0.005);
        assertEquals(1.33, all.sem(), 0.005);
        SeedRates six = SeedRates.of(new int[]{3, 3, 4}, 6);
        assertEquals(55.56, six.mean(), 0.005);
        assertEquals(5.56, six.sem(), 0.005);
        assertEquals(44.67, six.interval().low(), 0.01);
        assertEquals(0.0, SeedRates.of(new int[]{7}, 10).sem());
    }

    @Test
    void stratifiedBootstrapMatchesAnalyticSd_4_3() {
        StratifiedBootstrap.Aggregates a = new StratifiedBootstrap(S_BY_TASK, 1).run(100_000, 42);
        // Analytic SD of the bootstrap mean = 0.0320951; the 95 % percentile CI ≈ [0.6125, 0.7333] (±0.005).
        assertEquals(0.6125, a.mean().low(), 0.005);
        assertEquals(0.7333, a.mean().high(), 0.005);
        assertEquals(0.670833, a.mean().point(), 1e-6);
    }

    @Test
    void clusterBootstrapMatchesAnalyticSd_5_1() {
        double[] d = {7, -2, 15, 10, 3, 8, 1, 9};
        double[][] r = TaskBootstrap.means(new double[][]{d}, 100_000, 3);
        double[] col = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            col[i] = r[i][0];
        }
        assertEquals(1.802234, Descriptive.sd(col), 0.02);
        Estimate ci = Descriptive.percentileInterval(6.375, col);
        assertEquals(2.875, ci.low(), 0.15);
        assertEquals(9.875, ci.high(), 0.15);
    }

    @Test
    void rateIntervalsIncludingClopperPearsonEdges_4_5() {
        assertInterval(RateIntervals.wilson(13, 75), 0.1041915, 0.2743081);
        assertInterval(RateIntervals.clopperPearson(13, 75), 0.0956506, 0.2781487);
        assertInterval(RateIntervals.wilson(18, 20), 0.6989664, 0.9721335);
        assertInterval(RateIntervals.clopperPearson(18, 20), 0.6830173, 0.9876515);
        assertInterval(RateIntervals.wilson(0, 22), 0, 0.1486549);
        assertInterval(RateIntervals.clopperPearson(0, 22), 0, 0.1543725);
        assertInterval(RateIntervals.wilson(17, 22), 0.5656005, 0.8987696);
        assertInterval(RateIntervals.clopperPearson(17, 22), 0.5462964, 0.9217937);
        assertEquals(0.8456275, RateIntervals.clopperPearson(22, 22).low(), 1e-7);
        assertEquals(1.0, RateIntervals.clopperPearson(22, 22).high());
    }

    @Test
    void varianceAndPower_4_6_4_7() {
        assertEquals(0.0120291, Descriptive.sd(new double[]{0.412, 0.398, 0.405, 0.421, 0.390}), 1e-7);
        assertEquals(2.801585, Power.zSum(0.05, 0.8), 1e-6);
        assertEquals(31.4, Power.runsNeeded(0.10, 500, 0.01, 0.05, 0.8), 0.05);
        assertEquals(7.85, Power.runsNeeded(0.10, 500, 0.02, 0.05, 0.8), 0.01);
        assertEquals(3.49, Power.runsNeeded(0.10, 500, 0.03, 0.05, 0.8), 0.01);
        assertEquals(1.26, Power.runsNeeded(0.10, 500, 0.05, 0.05, 0.8), 0.01);
        assertEquals(0.01, Power.minimumDetectableDifference(0.10, 500, 32, 0.05, 0.8), 0.0005);
        assertEquals(0.8, new org.apache.commons.math3.stat.correlation.KendallsCorrelation()
                .correlation(new double[]{0, 1, 2, 3, 4}, new double[]{0.30, 0.32, 0.31, 0.35, 0.36}), 1e-12);
    }

    @Test
    void pairedTests_5_2to5_4() {
        double[] d = {7, -2, 15, 10, 3, 8, 1, 9};
        SignFlipTest.Result perm = SignFlipTest.test(d, 0, 1);
        assertTrue(perm.exact());
        assertEquals(0.0234375, perm.p(), 1e-12);
        WilcoxonSignedRank.Result w = WilcoxonSignedRank.test(d);
        assertEquals(34, w.wPlus(), 1e-12);
        assertEquals(2, w.wMinus(), 1e-12);
        assertEquals(2, w.statistic(), 1e-12);
        assertTrue(w.exact());
        assertEquals(0.0234375, w.p(), 1e-12);
        assertEquals(0.888889, w.rankBiserial(), 1e-6);
        PairedTTest t = PairedTTest.of(d);
        assertEquals(3.308819, t.t(), 1e-6);
        assertEquals(0.0129626, t.p(), 1e-7);
        assertInterval(t.meanDifference(), 1.819152, 10.930848);
        assertEquals(1.169844, EffectSizes.cohenDz(d), 1e-6);
    }

    @Test
    void wilcoxonDropsZerosUnlikeCommonsMath_5_3() {
        double[] withZero = {7, -2, 15, 10, 3, 8, 1, 9, 0};
        WilcoxonSignedRank.Result w = WilcoxonSignedRank.test(withZero);
        assertEquals(1, w.zerosDropped());
        assertEquals(8, w.n());
        assertFalse(w.exact()); // scipy switches to the normal approximation when zeros were dropped
        assertEquals(0.0250618, w.p(), 1e-7);
        // Commons Math keeps the zero and reports max(W+, W−):
        double[] x = {7, -2, 15, 10, 3, 8, 1, 9, 0};
        double[] y = new double[x.length];
        var cm = new org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest();
        assertEquals(0.01953125, cm.wilcoxonSignedRankTest(x, y, true), 1e-9);
    }

    @Test
    void mcnemar_5_5() {
        McNemarTest m = McNemarTest.of(10, 3);
        assertEquals(0.0922852, m.exactP(), 1e-7);
        assertEquals(0.0573730, m.midP(), 1e-7);
        assertEquals(2.769231, m.chiSquaredCorrected(), 1e-6);
        assertEquals(0.0960923, m.chiSquaredCorrectedP(), 1e-7);
        assertEquals(3.333333, m.oddsRatio(), 1e-6);
        assertInterval(m.oddsRatioCi(), 0.917380, 12.111786);
        // Commons Math's binomial test exceeds 1 for b = c; ours is capped at 1 (found by the scipy cross-check).
        assertEquals(1.0, McNemarTest.of(9, 9).exactP(), 1e-12);
        assertTrue(McNemarTest.of(0, 0).exactP() != McNemarTest.of(0, 0).exactP()); // NaN: no discordant pairs
    }

    @Test
    void multiplicity_5_6() {
        double[] p = {0.010, 0.040, 0.030, 0.005, 0.200};
        assertArrayEquals(new double[]{0.04, 0.09, 0.09, 0.025, 0.2}, Multiplicity.holm(p), 1e-12);
        assertArrayEquals(new double[]{0.025, 0.05, 0.05, 0.025, 0.2}, Multiplicity.benjaminiHochberg(p), 1e-12);
    }

    @Test
    void effectSizes_5_7() {
        assertEquals(0.210159, EffectSizes.cohenH(0.40, 0.30), 1e-6);
        assertEquals(-0.5, EffectSizes.cliffsDelta(0.25), 1e-12);
    }

    private static void assertInterval(Estimate e, double low, double high) {
        assertEquals(low, e.low(), 1e-6, "low");
        assertEquals(high, e.high(), 1e-6, "high");
    }

    /** rliable writes runs × tasks; our API takes runs per task. */
    private static double[][] transpose(double[][] runsByTask) {
        double[][] t = new double[runsByTask[0].length][runsByTask.length];
        for (int r = 0; r < runsByTask.length; r++) {
            for (int c = 0; c < runsByTask[0].length; c++) {
                t[c][r] = runsByTask[r][c];
            }
        }
        return t;
    }
}
