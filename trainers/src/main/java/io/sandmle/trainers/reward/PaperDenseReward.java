package io.sandmle.trainers.reward;

/**
 * {@code dense-paper}: the weights the paper states (sandmle.md §4.3, via a secondary digest):
 * {@code 0.1·format + 0.3·exec + 0.1·median + 0.2·bronze + 0.2·silver + 0.1·gold}, cumulative, i.e.
 * tier bonuses median 0.1, bronze 0.3, silver 0.5, gold 0.6 on top of 0.3 for executing.
 */
public final class PaperDenseReward extends MilestoneReward {

    @Override
    protected Weights weights() {
        return new Weights(0.3, 0.1, 0.3, 0.5, 0.6);
    }
}
