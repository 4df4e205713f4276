package io.sandmle.trainers.reward;

/**
 * {@code dense}: the milestone reward of SandMLE's released code (sandmle.md §4.2, the default of
 * its training scripts): 0.1·format + 0.2 for a valid score + gold 0.7 / silver 0.6 / bronze 0.5 /
 * median 0.1 (best tier only). Maximum 1.0.
 */
public final class DenseReward extends MilestoneReward {

    @Override
    protected Weights weights() {
        return new Weights(0.2, 0.1, 0.5, 0.6, 0.7);
    }
}
