package io.sandmle.trainers.reward;

import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import io.sandmle.api.Reward;
import io.sandmle.api.RewardFunction;
import io.sandmle.api.Thresholds;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SandMLE's milestone reward family (reference sandmle.md §4):
 * {@code r = 0.1·format_rate + valid·w_valid + tier bonus}, where the tier bonus is the best tier
 * the score reaches (ties count). Subclasses fix the weights: {@link DenseReward} (released code),
 * {@link PaperDenseReward} (the paper's cumulative weights) and {@link SparseReward} (gold only).
 */
public abstract class MilestoneReward implements RewardFunction {

    private static final double FORMAT_WEIGHT = 0.1;

    /**
     * Tier bonuses, not cumulative: the bonus of the best tier reached is added.
     *
     * @param valid  for a scored submission
     * @param median for reaching the median
     * @param bronze for reaching bronze
     * @param silver for reaching silver
     * @param gold   for reaching gold
     */
    protected record Weights(double valid, double median, double bronze, double silver, double gold) {
    }

    protected abstract Weights weights();

    @Override
    public Reward reward(Trajectory trajectory) {
        Map<String, Double> parts = new LinkedHashMap<>();
        double format = FORMAT_WEIGHT * FormatRate.of(trajectory);
        parts.put("format", format);
        Grade grade = scoredGrade(trajectory);
        Weights w = weights();
        double valid = grade != null ? w.valid() : 0;
        double tier = grade != null ? tierBonus(grade, w) : 0;
        parts.put("valid", valid);
        parts.put("tier", tier);
        return new Reward(Math.max(-1000, Math.min(1000, format + valid + tier)), parts);
    }

    /** The latest successful grading in the episode, else the final grade; {@code null} when nothing valid. */
    static Grade scoredGrade(Trajectory trajectory) {
        List<Turn> turns = trajectory.turns();
        for (int i = turns.size() - 1; i >= 0; i--) {
            Turn t = turns.get(i);
            if (t.step() != null && t.step().grade() != null && t.step().grade().valid()
                    && t.step().grade().score() != null) {
                return t.step().grade();
            }
        }
        Grade last = trajectory.finalGrade();
        return last != null && last.valid() && last.score() != null ? last : null;
    }

    private static double tierBonus(Grade grade, Weights w) {
        Thresholds t = grade.thresholds();
        if (t == null) {
            return switch (grade.medal()) {
                case GOLD -> w.gold();
                case SILVER -> w.silver();
                case BRONZE -> w.bronze();
                case NONE -> grade.aboveMedian() ? w.median() : 0;
            };
        }
        double s = grade.score();
        boolean lower = grade.lowerIsBetter();
        if (beats(s, t.gold(), lower)) {
            return w.gold();
        }
        if (beats(s, t.silver(), lower)) {
            return w.silver();
        }
        if (beats(s, t.bronze(), lower)) {
            return w.bronze();
        }
        return beats(s, t.median(), lower) ? w.median() : 0;
    }

    /** The medal the reference's tie rule gives (ties count), for curves and tests. */
    public static Medal medalOf(Grade grade) {
        Thresholds t = grade == null ? null : grade.thresholds();
        if (grade == null || !grade.valid() || grade.score() == null) {
            return Medal.NONE;
        }
        if (t == null) {
            return grade.medal();
        }
        boolean lower = grade.lowerIsBetter();
        double s = grade.score();
        return beats(s, t.gold(), lower) ? Medal.GOLD : beats(s, t.silver(), lower) ? Medal.SILVER
                : beats(s, t.bronze(), lower) ? Medal.BRONZE : Medal.NONE;
    }

    private static boolean beats(double score, double threshold, boolean lowerIsBetter) {
        return lowerIsBetter ? score <= threshold : score >= threshold;
    }
}
