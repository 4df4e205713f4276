package io.sandmle.environments.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * The Data Strategist's adversarial mutations of a task.
 *
 * @param noise         standard deviation of the label noise ε
 * @param missingRate   share of feature cells left empty
 * @param outlierRate   share of feature cells multiplied into outliers
 * @param positiveRate  share of positives for binary labels (below 0.5 is class imbalance)
 * @param distractors   features that carry no signal
 * @param shift         mean shift of one latent dimension in the test set (train/test shift)
 */
record Mutations(double noise, double missingRate, double outlierRate, double positiveRate, int distractors,
                 double shift) {

    /** The same mutations with another number of distractor features. */
    Mutations withDistractors(int count) {
        return new Mutations(noise, missingRate, outlierRate, positiveRate, count, shift);
    }

    /** Names of the mutations applied, for task.json and the diversity report. */
    List<String> names() {
        List<String> n = new ArrayList<>();
        if (noise > 0.35) {
            n.add("label-noise");
        }
        if (missingRate > 0) {
            n.add("missing-values");
        }
        if (outlierRate > 0) {
            n.add("outliers");
        }
        if (positiveRate < 0.45) {
            n.add("class-imbalance");
        }
        if (distractors > 0) {
            n.add("distractors");
        }
        if (shift > 0) {
            n.add("train-test-shift");
        }
        return n;
    }
}
