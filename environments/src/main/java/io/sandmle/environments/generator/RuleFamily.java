package io.sandmle.environments.generator;

import io.sandmle.api.Modality;
import io.sandmle.api.TaskDna;
import java.util.List;
import java.util.Locale;

/**
 * The shape of a task's hidden rule f(z). Families differ in which model family fits them best from 50–200 rows,
 * so that no single fixed recipe is the right answer to every generated task:
 * <ul>
 *   <li>{@code LINEAR}: a weighted sum of every latent dimension (regularised linear models);</li>
 *   <li>{@code SPARSE}: two dimensions carry the signal, the rest almost none (strong regularisation, feature
 *       selection; drawn with extra distractor columns);</li>
 *   <li>{@code INTERACTIONS}: a weak linear part and three pairwise products (boosted trees, kernels,
 *       products of features);</li>
 *   <li>{@code THRESHOLDS}: axis-aligned steps at cut points and one AND of two steps, what a decision tree
 *       draws (on text: counts of a cue word above a cut, i.e. keyword rules);</li>
 *   <li>{@code MONOTONE}: an additive, monotone but strongly curved function of each dimension (z·|z|),
 *       which tree ensembles follow better than a line;</li>
 *   <li>{@code PERIODIC}: a sine of an oblique direction of z, not monotone at all and not along any one
 *       feature (neighbours, kernels; on time series the seasonal amplitudes matter periodically).</li>
 * </ul>
 */
enum RuleFamily {
    LINEAR, SPARSE, INTERACTIONS, THRESHOLDS, MONOTONE, PERIODIC;

    /**
     * The families a seed's tasks are drawn from: every family for tabular, graph and multi-modal seeds; text
     * leaves out the periodic family (a cue word's count is not periodic in anything a reader could find), and a
     * seed whose hardness notes name many features or distractors draws the sparse family twice as often.
     */
    static List<RuleFamily> candidates(TaskDna dna) {
        List<RuleFamily> all = dna.modality() == Modality.TEXT
                ? List.of(LINEAR, SPARSE, INTERACTIONS, THRESHOLDS, MONOTONE)
                : List.of(values());
        String hard = String.join(" ", dna.hardness()).toLowerCase(Locale.ROOT);
        if (hard.contains("distractor") || hard.contains("features")) {
            List<RuleFamily> weighted = new java.util.ArrayList<>(all);
            weighted.add(SPARSE);
            return List.copyOf(weighted);
        }
        return all;
    }

    /** The name written to task secrets and reports. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
