package io.sandmle.trainers.reward;

/** {@code sparse}: the reward ablation of sandmle.md §4.4, {@code 0.1·format + 0.9·gold}. */
public final class SparseReward extends MilestoneReward {

    @Override
    protected Weights weights() {
        return new Weights(0, 0, 0, 0, 0.9);
    }
}
