package io.sandmle.trainers.local;

import io.sandmle.api.LanguageModel;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.Task;
import io.sandmle.api.TrainingResult;
import io.sandmle.trainers.grpo.GrpoTrainer;
import io.sandmle.trainers.policy.EmbeddedPolicy;
import io.sandmle.trainers.policy.PolicyCheckpoint;
import io.sandmle.trainers.reward.DenseReward;
import io.sandmle.trainers.reward.MilestoneReward;
import io.sandmle.trainers.sft.SftTrainer;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result that matters (docs/RESULTS.md): GRPO vs the untrained policy vs SFT on held-out
 * micro tasks, with paired tests. Opt-in (it takes tens of minutes):
 * {@code mvn -o -pl trainers -am test -Dtest=GrpoLearningExperiment -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsandmle.experiment=true -Dexp.dir=/tmp/sandmle-exp/run -Dexp.tasks-dir=/tmp/sandmle-exp}. The defaults are
 * the recorded run's sizes; system properties {@code exp.*} change them. It fails unless GRPO beats both
 * baselines on mean reward and medal rate with paired t-tests at p < 0.05.
 */
@EnabledIfSystemProperty(named = "sandmle.experiment", matches = "true")
class GrpoLearningExperiment {

    private static int prop(String key, int fallback) {
        return Integer.getInteger("exp." + key, fallback);
    }

    @Test
    void grpoBeatsUntrainedAndSft() throws Exception {
        Path root = Path.of(System.getProperty("exp.dir", "target/experiment"));
        int trainCount = prop("train-tasks", 32);
        int valCount = prop("val-tasks", 64);
        int seeds = prop("seeds", 3);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("steps", String.valueOf(prop("steps", 20)));
        settings.put("tasks-per-step", String.valueOf(prop("tasks-per-step", 16)));
        settings.put("group-size", String.valueOf(prop("group-size", 4)));
        settings.put("learning-rate", System.getProperty("exp.learning-rate", "0.05"));
        settings.put("epochs", String.valueOf(prop("epochs", 4)));
        settings.put("parallel", String.valueOf(prop("parallel", 2)));
        settings.put("max-turns", String.valueOf(prop("max-turns", 6)));
        settings.put("checkpoint-every", "4");
        settings.put("seed", "0");
        Path tasks = Path.of(System.getProperty("exp.tasks-dir", root.toString()));
        List<Task> train = MicroTasks.create(tasks.resolve("tasks-train"), 0, trainCount, 1);
        List<Task> val = MicroTasks.create(tasks.resolve("tasks-val"), 0, valCount, 2);
        StringBuilder log = new StringBuilder();
        List<double[]> grpoTimes = new ArrayList<>();

        long t0 = System.nanoTime();
        TrainingResult grpo;
        try (LocalTrainingSession session = session(train, settings, root.resolve("grpo"), log, "grpo",
                m -> grpoTimes.add(new double[] {m.get("rollout_seconds"), m.get("update_seconds")}))) {
            grpo = new GrpoTrainer().train(session);
        }
        double grpoMinutes = (System.nanoTime() - t0) / 6e10;
        long t1 = System.nanoTime();
        TrainingResult sft;
        try (LocalTrainingSession session = session(train, settings, root.resolve("sft"), log, "sft", m -> { })) {
            sft = new SftTrainer().train(session);
        }
        double sftMinutes = (System.nanoTime() - t1) / 6e10;

        Map<String, double[][]> results = new LinkedHashMap<>();
        try (LocalTrainingSession eval = session(val, settings, root.resolve("eval"), log, "eval", m -> { })) {
            results.put("untrained", evaluate(eval, EmbeddedPolicy.untrained(0), val, seeds));
            results.put("sft", evaluate(eval, load(sft.finalCheckpoint(), "embedded@sft"), val, seeds));
            results.put("grpo", evaluate(eval, load(grpo.finalCheckpoint(), "embedded@grpo"), val, seeds));
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format("training: GRPO %.1f min, SFT %.1f min (same rollouts)%n", grpoMinutes, sftMinutes));
        report.append(speed(grpoTimes));
        for (var e : results.entrySet()) {
            report.append(String.format("%-10s mean reward %.3f  medal rate %.3f  valid rate %.3f  (n=%d)%n", e.getKey(),
                    mean(e.getValue()[0]), mean(e.getValue()[1]), mean(e.getValue()[2]), e.getValue()[0].length));
        }
        List<Double> pValues = new ArrayList<>();
        for (String other : List.of("untrained", "sft")) {
            double[][] g = results.get("grpo");
            double[][] o = results.get(other);
            assertTrue(mean(g[0]) > mean(o[0]) && mean(g[1]) > mean(o[1]), "GRPO must beat " + other);
            pValues.add(new TTest().pairedTTest(g[0], o[0]));
            pValues.add(new TTest().pairedTTest(g[1], o[1]));
            report.append(String.format("grpo vs %-9s reward: diff %.3f paired t p=%.2e, Wilcoxon p=%.2e; "
                            + "medal: diff %.3f paired t p=%.2e, exact McNemar p=%.2e%n", other,
                    mean(g[0]) - mean(o[0]), new TTest().pairedTTest(g[0], o[0]),
                    new WilcoxonSignedRankTest().wilcoxonSignedRankTest(g[0], o[0], false),
                    mean(g[1]) - mean(o[1]), new TTest().pairedTTest(g[1], o[1]), mcNemar(g[1], o[1])));
        }
        System.out.println(log);
        System.out.println(report);
        Files.createDirectories(root);
        Files.writeString(root.resolve("curves.tsv"), log.toString());
        Files.writeString(root.resolve("summary.txt"), report.toString());
        pValues.forEach(p -> assertTrue(p < 0.05, "every paired test must give p < 0.05: " + pValues));
    }

    private static LocalTrainingSession session(List<Task> tasks, Map<String, String> settings, Path dir,
                                                StringBuilder log, String name,
                                                java.util.function.Consumer<Map<String, Double>> also)
            throws Exception {
        return new LocalTrainingSession(tasks, new MicroGrader(), new DenseReward(), settings, dir, null,
                (step, m) -> {
                    String line = name + "\t" + step + "\t" + m;
                    log.append(line).append('\n');
                    System.out.println(line);
                    also.accept(m);
                });
    }

    /** Median rollout and update seconds per GRPO step and the update's median share of the step. */
    private static String speed(List<double[]> times) {
        double[] rollout = times.stream().mapToDouble(t -> t[0]).sorted().toArray();
        double[] update = times.stream().mapToDouble(t -> t[1]).sorted().toArray();
        double[] share = times.stream().mapToDouble(t -> t[1] / (t[0] + t[1])).sorted().toArray();
        return String.format("GRPO step: median rollout %.2f s, median update %.3f s, median update share %.2f%% "
                + "(max %.2f%%) over %d steps%n", rollout[rollout.length / 2], update[update.length / 2],
                100 * share[share.length / 2], 100 * share[share.length - 1], times.size());
    }

    private static EmbeddedPolicy load(Path checkpoint, String id) throws Exception {
        return new EmbeddedPolicy(PolicyCheckpoint.load(checkpoint).network(), 0, id);
    }

    /** Per (task, seed) pair, in a fixed order: reward, medal (0/1), valid (0/1). */
    private static double[][] evaluate(LocalTrainingSession eval, LanguageModel policy, List<Task> tasks, int seeds) {
        List<double[]> rows = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            for (RolloutGroup g : eval.rollout(policy, tasks, 1, 90_000 + seed)) {
                var t = g.rollouts().get(0);
                boolean valid = t.finalGrade() != null && t.finalGrade().valid();
                rows.add(new double[] {g.rewards().get(0).total(),
                        MilestoneReward.medalOf(t.finalGrade()).any() ? 1 : 0, valid ? 1 : 0});
            }
        }
        double[][] cols = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < 3; c++) {
                cols[c][i] = rows.get(i)[c];
            }
        }
        return cols;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Exact two-sided McNemar test on the discordant pairs of two paired 0/1 outcomes. */
    private static double mcNemar(double[] a, double[] b) {
        int onlyA = 0;
        int onlyB = 0;
        for (int i = 0; i < a.length; i++) {
            onlyA += a[i] > b[i] ? 1 : 0;
            onlyB += b[i] > a[i] ? 1 : 0;
        }
        int n = onlyA + onlyB;
        if (n == 0) {
            return 1.0;
        }
        BinomialDistribution binomial = new BinomialDistribution(n, 0.5);
        return Math.min(1.0, 2 * binomial.cumulativeProbability(Math.min(onlyA, onlyB)));
    }
}
