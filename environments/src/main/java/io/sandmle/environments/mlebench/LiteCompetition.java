package io.sandmle.environments.mlebench;

import io.sandmle.api.Modality;
import io.sandmle.environments.grading.CsvGrader;
import io.sandmle.environments.grading.Rounding;

/**
 * One MLE-bench-lite competition as MLE-bench's registry defines it.
 *
 * @param id            competition id (folder name under the data dir)
 * @param metric        the metric's registry name, for listings
 * @param lowerIsBetter metric direction
 * @param answersFile   the answers file in {@code prepared/private/}
 * @param modality      input modality
 * @param category      the README's category (Image Classification, Tabular …)
 * @param rounding      how {@code round(score, 5)} rounds this grader's return type
 * @param score         the grader's score function with its checks
 */
public record LiteCompetition(String id, String metric, boolean lowerIsBetter, String answersFile, Modality modality,
                              String category, Rounding rounding, CsvGrader.ScoreFunction score) {
}
