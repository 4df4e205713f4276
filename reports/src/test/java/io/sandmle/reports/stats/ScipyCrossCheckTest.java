package io.sandmle.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.reports.support.Python;
import io.sandmle.support.Quantiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every statistic against scipy/numpy on random inputs: the test writes the inputs, runs
 * src/test/resources/python/reference_stats.py under /usr/bin/python3, and compares.
 */
class ScipyCrossCheckTest {

    private final Random rng = new Random(20261121);
    private final List<Map<String, Object>> cases = new ArrayList<>();
    private final List<Consumer<JsonNode>> checks = new ArrayList<>();

    @Test
    void agreesWithScipyOnRandomInputs(@TempDir Path work) throws Exception {
        for (int i = 0; i < 25; i++) {
            wilcoxon();
            pairedT();
            descriptive();
            poi();
            multiplicity();
            rate();
            harmony();
            borda();
        }
        for (int i = 0; i < 8; i++) {
            signFlip();
            passK();
            kendall();
            bradleyTerry();
            power();
        }
        for (int i = 0; i < 3; i++) {
            stratified();
        }
        mcnemarCases();
        JsonNode answers = Python.run("reference_stats.py", cases, work);
        assertEquals(cases.size(), answers.size());
        for (int i = 0; i < cases.size(); i++) {
            checks.get(i).accept(answers.get(i));
        }
    }

    private void add(String kind, Map<String, Object> inputs, Consumer<JsonNode> check) {
        Map<String, Object> c = new LinkedHashMap<>(inputs);
        c.put("kind", kind);
        cases.add(c);
        String label = kind + " " + inputs;
        checks.add(answer -> {
            try {
                check.accept(answer);
            } catch (AssertionError e) {
                throw new AssertionError(label + ": " + e.getMessage(), e);
            }
        });
    }

    private void wilcoxon() {
        int n = 5 + rng.nextInt(55);
        boolean integers = rng.nextBoolean();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = integers ? rng.nextInt(21) - 7 : Math.round(rng.nextGaussian() * 1e6) / 1e6 + 0.3;
        }
        WilcoxonSignedRank.Result w = WilcoxonSignedRank.test(d);
        if (w.n() == 0) {
            return;
        }
        add("wilcoxon", Map.of("d", d, "method", w.exact() ? "exact" : "approx"), a -> {
            assertEquals(a.get("statistic").asDouble(), w.statistic(), 1e-9);
            assertEquals(a.get("p").asDouble(), w.p(), 1e-9);
        });
    }

    private void signFlip() {
        int n = 4 + rng.nextInt(9);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rng.nextInt(31) - 10;
        }
        SignFlipTest.Result r = SignFlipTest.test(d, 0, 1);
        add("signflip", Map.of("d", d), a -> assertEquals(a.get("p").asDouble(), r.p(), 1e-12));
    }

    private void pairedT() {
        double[] d = gaussian(5 + rng.nextInt(40), 0.3);
        PairedTTest t = PairedTTest.of(d);
        add("ttest", Map.of("d", d), a -> {
            assertEquals(a.get("t").asDouble(), t.t(), 1e-9);
            assertEquals(a.get("p").asDouble(), t.p(), 1e-9);
        });
    }

    private void mcnemarCases() {
        for (int b = 0; b <= 12; b += 3) {
            for (int c = 1; c <= 14; c += 4) {
                McNemarTest m = McNemarTest.of(b, c);
                add("mcnemar", Map.of("b", b, "c", c), a -> assertEquals(a.get("p").asDouble(), m.exactP(), 1e-10));
            }
        }
    }

    private void multiplicity() {
        double[] p = new double[2 + rng.nextInt(12)];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.pow(rng.nextDouble(), 3);
        }
        double[] holm = Multiplicity.holm(p);
        double[] bh = Multiplicity.benjaminiHochberg(p);
        add("multiplicity", Map.of("p", p), a -> {
            for (int i = 0; i < p.length; i++) {
                assertEquals(a.get("holm").get(i).asDouble(), holm[i], 1e-12);
                assertEquals(a.get("bh").get(i).asDouble(), bh[i], 1e-12);
            }
        });
    }

    private void rate() {
        int n = 1 + rng.nextInt(120);
        int x = rng.nextInt(5) == 0 ? (rng.nextBoolean() ? 0 : n) : rng.nextInt(n + 1);
        Estimate w = RateIntervals.wilson(x, n);
        Estimate cp = RateIntervals.clopperPearson(x, n);
        add("rate", Map.of("x", x, "n", n), a -> {
            assertEquals(a.get("wilson").get(0).asDouble(), w.low(), 1e-9);
            assertEquals(a.get("wilson").get(1).asDouble(), w.high(), 1e-9);
            assertEquals(a.get("cp").get(0).asDouble(), cp.low(), 1e-8);
            assertEquals(a.get("cp").get(1).asDouble(), cp.high(), 1e-8);
        });
    }

    private void descriptive() {
        double[] x = gaussian(2 + rng.nextInt(200), 0);
        add("descriptive", Map.of("x", x), a -> {
            assertEquals(a.get("iqm").asDouble(), Descriptive.iqm(x), 1e-12);
            assertEquals(a.get("median").asDouble(), Quantiles.median(x), 1e-12);
            assertEquals(a.get("p2_5").asDouble(), Quantiles.quantile(x, 0.025), 1e-12);
            assertEquals(a.get("p97_5").asDouble(), Quantiles.quantile(x, 0.975), 1e-12);
            assertEquals(a.get("sem").asDouble(), Descriptive.sem(x), 1e-12);
        });
    }

    private void poi() {
        double[] x = rounded(gaussian(1 + rng.nextInt(20), 0.2));
        double[] y = rounded(gaussian(1 + rng.nextInt(20), 0));
        double p = ProbabilityOfImprovement.onTask(x, y);
        add("poi", Map.of("x", x, "y", y), a -> assertEquals(a.get("poi").asDouble(), p, 1e-12));
    }

    private void passK() {
        int n = 1 + rng.nextInt(20);
        int c = rng.nextInt(n + 1);
        add("passk", Map.of("n", n, "c", c), a -> {
            for (int k = 1; k <= n; k++) {
                assertEquals(a.get("at").get(k - 1).asDouble(), PassAtK.passAt(n, c, k), 1e-12);
                assertEquals(a.get("hat").get(k - 1).asDouble(), PassAtK.passHat(n, c, k), 1e-12);
            }
        });
    }

    private void kendall() {
        double[] x = new double[10];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        double[] y = rounded(gaussian(10, 0));
        double tau = new org.apache.commons.math3.stat.correlation.KendallsCorrelation().correlation(x, y);
        add("kendall", Map.of("x", x, "y", y), a -> assertEquals(a.get("tau").asDouble(), tau, 1e-12));
    }

    private void harmony() {
        double[] a = new double[2 + rng.nextInt(8)];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble();
        }
        double h = Harmony.of(a);
        add("harmony", Map.of("a", a), ans -> assertEquals(ans.get("h").asDouble(), h, 1e-12));
    }

    private void bradleyTerry() {
        int m = 3 + rng.nextInt(4);
        double[][] w = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                w[i][j] = i == j ? 0 : 1 + rng.nextInt(15);
            }
        }
        double[] pi = Rankings.bradleyTerry(w);
        add("bt", Map.of("w", w), a -> {
            for (int i = 0; i < m; i++) {
                assertEquals(a.get("pi").get(i).asDouble(), pi[i], 1e-8);
            }
        });
    }

    private void borda() {
        int tasks = 1 + rng.nextInt(12);
        int m = 2 + rng.nextInt(5);
        double[][] s = new double[tasks][m];
        for (double[] row : s) {
            for (int i = 0; i < m; i++) {
                row[i] = rng.nextInt(4); // small integers so ties happen
            }
        }
        double[] points = Rankings.borda(s);
        add("borda", Map.of("scores", s), a -> {
            for (int i = 0; i < m; i++) {
                assertEquals(a.get("points").get(i).asDouble(), points[i], 1e-12);
            }
        });
    }

    private void power() {
        double vbar = 0.01 + 0.24 * rng.nextDouble();
        int tasks = 10 + rng.nextInt(500);
        double delta = 0.01 + 0.1 * rng.nextDouble();
        double alpha = rng.nextBoolean() ? 0.05 : 0.01;
        double power = rng.nextBoolean() ? 0.8 : 0.9;
        double runs = Power.runsNeeded(vbar, tasks, delta, alpha, power);
        add("power", Map.of("vbar", vbar, "tasks", tasks, "delta", delta, "alpha", alpha, "power", power),
                a -> assertEquals(a.get("runs").asDouble(), runs, 1e-9 * runs));
    }

    /** Bootstrap endpoints depend on the RNG: agree within 10 % of the interval width (numpy, 4,000 reps). */
    private void stratified() {
        int tasks = 5 + rng.nextInt(10);
        int runs = 3 + rng.nextInt(6);
        double[][] x = new double[tasks][runs];
        for (double[] t : x) {
            double level = rng.nextDouble();
            for (int r = 0; r < runs; r++) {
                t[r] = level + 0.3 * rng.nextGaussian();
            }
        }
        StratifiedBootstrap.Aggregates ours = new StratifiedBootstrap(x, 1).run(20_000, 5);
        add("stratified", Map.of("runs", x, "reps", 4000, "seed", 11), a -> {
            double width = ours.mean().high() - ours.mean().low();
            assertEquals(a.get("mean").get(0).asDouble(), ours.mean().low(), 0.1 * width);
            assertEquals(a.get("mean").get(1).asDouble(), ours.mean().high(), 0.1 * width);
            double iqmWidth = ours.iqm().high() - ours.iqm().low();
            assertEquals(a.get("iqm").get(0).asDouble(), ours.iqm().low(), 0.1 * iqmWidth);
            assertEquals(a.get("iqm").get(1).asDouble(), ours.iqm().high(), 0.1 * iqmWidth);
        });
    }

    private double[] gaussian(int n, double shift) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian() + shift;
        }
        return x;
    }

    private static double[] rounded(double[] x) {
        return Arrays.stream(x).map(v -> Math.round(v * 4) / 4.0).toArray();
    }
}
