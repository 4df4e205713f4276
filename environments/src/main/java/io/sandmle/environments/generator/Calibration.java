package io.sandmle.environments.generator;

import io.sandmle.api.Thresholds;
import java.util.Map;

/**
 * The calibration rule that turns ladder scores into medal thresholds (SandMLE fixes them from progressively
 * stronger baselines but does not publish the mapping; this is ours):
 * <ul>
 *   <li>median = the {@code one-feature} rung (a model that sees one column beats half the field);</li>
 *   <li>bronze = the {@code linear-half} rung (the tuned linear model trained on half the rows);</li>
 *   <li>gold = the best of the {@code linear} and {@code interactions} rungs, the strongest reference;</li>
 *   <li>silver = halfway between bronze and gold.</li>
 * </ul>
 * Scores are rounded to 6 decimals so task.json is byte-stable. Monotonicity is not forced here: a ladder
 * that is not progressive yields non-monotone thresholds and the verifier drops the task.
 */
final class Calibration {

    private Calibration() {
    }

    static Thresholds thresholds(Map<String, Double> ladderScores, boolean lowerIsBetter) {
        double median = ladderScores.get("one-feature");
        double bronze = ladderScores.get("linear-half");
        double gold = best(ladderScores, lowerIsBetter);
        return new Thresholds(round(gold), round((bronze + gold) / 2), round(bronze), round(median));
    }

    /** The score of the strongest reference: the better of {@code linear} and {@code interactions}. */
    static double best(Map<String, Double> ladderScores, boolean lowerIsBetter) {
        double linear = ladderScores.get("linear");
        double interactions = ladderScores.get("interactions");
        return better(interactions, linear, lowerIsBetter) ? interactions : linear;
    }

    /** The rung whose submission is the best reference. */
    static String bestRung(Map<String, Double> ladderScores, boolean lowerIsBetter) {
        return better(ladderScores.get("interactions"), ladderScores.get("linear"), lowerIsBetter)
                ? "interactions" : "linear";
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** True when {@code a} is strictly better than {@code b} in the metric's direction. */
    static boolean better(double a, double b, boolean lowerIsBetter) {
        return lowerIsBetter ? a < b : a > b;
    }
}
