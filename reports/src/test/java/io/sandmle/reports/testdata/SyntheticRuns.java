package io.sandmle.reports.testdata;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import io.sandmle.api.ReportInput;
import io.sandmle.api.ResourceUse;
import io.sandmle.api.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic synthetic report inputs: systems of different skill on tasks of different difficulty
 * and category; each episode's HumanRank is a noisy logistic of skill − difficulty, medals follow
 * HumanRank cut-offs, a few submissions are invalid.
 */
public final class SyntheticRuns {

    private static final String[] CATEGORIES = {"tabular", "vision", "nlp", "audio"};

    private final int systems;
    private final int tasks;
    private final int seeds;
    private double invalidRate = 0.05;
    private double missingRate;
    private int suites = 1;
    private boolean curves;
    private boolean evaluationOnly;

    public SyntheticRuns(int systems, int tasks, int seeds) {
        this.systems = systems;
        this.tasks = tasks;
        this.seeds = seeds;
    }

    public SyntheticRuns missing(double rate) {
        this.missingRate = rate;
        return this;
    }

    public SyntheticRuns suites(int n) {
        this.suites = n;
        return this;
    }

    public SyntheticRuns withCurves() {
        this.curves = true;
        return this;
    }

    /**
     * Episodes as an MLE-bench evaluation records them: medals and above-median from the grades, no HumanRank,
     * and reward 0 (an evaluation without a reward function).
     */
    public SyntheticRuns evaluationOnly() {
        this.evaluationOnly = true;
        return this;
    }

    public static String systemName(int s) {
        return "policy" + s + "×react";
    }

    public List<EpisodeRecord> episodes(long seed) {
        Random rng = new Random(seed);
        double[] difficulty = new double[tasks];
        for (int t = 0; t < tasks; t++) {
            difficulty[t] = rng.nextGaussian();
        }
        List<EpisodeRecord> out = new ArrayList<>();
        for (int s = 0; s < systems; s++) {
            double skill = 0.35 * s - 0.3;
            for (int t = 0; t < tasks; t++) {
                for (int r = 0; r < seeds; r++) {
                    if (rng.nextDouble() < missingRate) {
                        continue;
                    }
                    String task = String.format("task-%03d", t);
                    double hr = 1 / (1 + Math.exp(-(skill - difficulty[t] + 0.8 * rng.nextGaussian())));
                    Grade g = rng.nextDouble() < invalidRate
                            ? Grade.invalid(task, true, "submission has the wrong number of rows", null, false)
                            : grade(task, Math.round(hr * 1000) / 1000.0, !evaluationOnly);
                    out.add(new EpisodeRecord(EpisodeRecord.SCHEMA_VERSION, "run-" + (s % 2), "e" + s + "-" + t + "-" + r,
                            systemName(s), "suite" + (t % suites), task, CATEGORIES[t % CATEGORIES.length], r, g,
                            g.valid() && !evaluationOnly ? hr : 0, "answer", 1000L + rng.nextInt(60_000), 3 + rng.nextInt(10),
                            // Fixed, not drawn, so the scores' random stream is the same as before resources existed.
                            new ResourceUse(1000L * (1 + t % 7), (256L << 20) * (1 + s), s == 0 ? 12.5 * (r + 1) : null)));
                }
            }
        }
        return out;
    }

    public ReportInput input(long seed, String baseline) {
        List<CurvePoint> points = new ArrayList<>();
        if (curves) {
            Random rng = new Random(seed + 1);
            for (int s = 0; s < Math.min(systems, 2); s++) {
                for (int run = 0; run < 3; run++) {
                    for (int step = 0; step <= 20; step++) {
                        points.add(new CurvePoint("train-" + run, systemName(s), step, "reward",
                                0.2 + 0.02 * step * (s + 1) + 0.05 * rng.nextGaussian()));
                    }
                }
            }
        }
        return new ReportInput(episodes(seed), points, baseline, seed, Map.of("generator", "SyntheticRuns"));
    }

    private static Grade grade(String task, double hr, boolean withHumanRank) {
        Medal medal = hr >= 0.9 ? Medal.GOLD : hr >= 0.8 ? Medal.SILVER : hr >= 0.65 ? Medal.BRONZE : Medal.NONE;
        return new Grade(Grade.SCHEMA_VERSION, task, true, true, hr, null, medal, hr > 0.5, withHumanRank ? hr : null,
                new Thresholds(0.9, 0.8, 0.65, 0.5), false);
    }
}
