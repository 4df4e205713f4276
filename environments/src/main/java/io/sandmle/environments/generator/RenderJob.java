package io.sandmle.environments.generator;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link ModalityRenderer} works on: the latent dimensions it must encode, both sides of the task,
 * the tables it adds columns to, and where side files (images, audio, series, graphs) go.
 *
 * @param spec       the task being built
 * @param dims       the latent dimensions this renderer encodes
 * @param train      training side
 * @param test       test side
 * @param trainTable columns of train.csv
 * @param testTable  columns of test.csv
 * @param publicDir  the task's public folder
 * @param ruleTerms  collects words that would reveal the hidden rule (informative column names, cue words)
 */
record RenderJob(TaskSpec spec, int[] dims, Split train, Split test, RowTable trainTable, RowTable testTable,
                 Path publicDir, List<String> ruleTerms) {

    /** Both sides in a fixed order: train first. */
    List<Split> sides() {
        return List.of(train, test);
    }

    RowTable table(Split side) {
        return side == train ? trainTable : testTable;
    }
}
