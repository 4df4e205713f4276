package io.sandmle.environments.generator;

import java.util.List;

/**
 * One side of a task (train or test): row ids, the latent features z the renderers draw from, and the label
 * cells for train.csv and for answers.csv.
 */
record Split(List<String> ids, double[][] z, List<String[]> trainLabels, List<String[]> answers) {

    int rows() {
        return ids.size();
    }
}
