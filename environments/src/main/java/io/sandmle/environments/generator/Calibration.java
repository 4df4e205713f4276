package io.sandmle.environments.generator;

import io.sandmle.api.Thresholds;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The calibration rule that turns ladder scores into medal thresholds (SandMLE fixes them from progressively
 * stronger baselines but does not publish the mapping; this is ours):
 * <ul>
 *   <li>median = the {@code one-feature} rung (a model that sees one column beats half the field);</li>
 *   <li>bronze = the runner-up model family (the second-best of {@link ReferenceLadder#FAMILIES});</li>
 *   <li>gold = the best model family, the strongest reference;</li>
 *   <li>silver = halfway between bronze and gold.</li>
 * </ul>
 * The families are ranked on each task, so a medal asks for a model at least as suited to the task's hidden rule
 * as all but one family of references, whichever family that is: a recipe that ignores the task's shape medals
 * only where its family happens to be among the top two. Scores are rounded to 6 decimals so task.json is
 * byte-stable. Monotonicity is not forced here: a ladder whose two best families tie, or whose runner-up does not
 * beat the one-feature rung, yields non-monotone thresholds and the verifier drops the task.
 */
final class Calibration {

    private Calibration() {
    }

    static Thresholds thresholds(Map<String, Double> ladderScores, boolean lowerIsBetter) {
        List<String> ranked = ranked(ladderScores, lowerIsBetter);
        double median = ladderScores.get("one-feature");
        double bronze = ladderScores.get(ranked.get(1));
        double gold = ladderScores.get(ranked.get(0));
        return new Thresholds(round(gold), round((bronze + gold) / 2), round(bronze), round(median));
    }

    /** The score of the strongest reference: the best family. */
    static double best(Map<String, Double> ladderScores, boolean lowerIsBetter) {
        return ladderScores.get(bestRung(ladderScores, lowerIsBetter));
    }

    /** The rung whose submission is the best reference. */
    static String bestRung(Map<String, Double> ladderScores, boolean lowerIsBetter) {
        return ranked(ladderScores, lowerIsBetter).get(0);
    }

    /** The families best first; a tie keeps the order of {@link ReferenceLadder#FAMILIES}. */
    private static List<String> ranked(Map<String, Double> ladderScores, boolean lowerIsBetter) {
        Comparator<String> byScore = Comparator.comparingDouble(ladderScores::get);
        return ReferenceLadder.FAMILIES.stream().sorted(lowerIsBetter ? byScore : byScore.reversed()).toList();
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** True when {@code a} is strictly better than {@code b} in the metric's direction. */
    static boolean better(double a, double b, boolean lowerIsBetter) {
        return lowerIsBetter ? a < b : a > b;
    }
}
