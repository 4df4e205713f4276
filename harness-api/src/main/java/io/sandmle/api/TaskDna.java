package io.sandmle.api;

import java.util.List;
import java.util.Map;

/**
 * The structure of a real task that synthetic tasks keep: a seed-catalog entry.
 *
 * @param seedId         the source competition id
 * @param modality       input modality
 * @param taskType       {@code binary}, {@code multiclass}, {@code multilabel}, {@code regression},
 *                       {@code ranking}, {@code forecasting}, {@code seq2seq}, {@code image-to-image}
 * @param classes        number of classes or labels (0 for regression)
 * @param metric         metric registry name
 * @param lowerIsBetter  metric direction
 * @param idColumn       the submission's id column
 * @param targetColumns  the submission's target columns
 * @param inputStructure modality-specific shape facts (column types, text length, image size …)
 * @param hardness       what makes the task hard (imbalance, noise, shift …)
 */
public record TaskDna(String seedId, Modality modality, String taskType, int classes, String metric,
                      boolean lowerIsBetter, String idColumn, List<String> targetColumns,
                      Map<String, String> inputStructure, List<String> hardness) {

    public TaskDna {
        targetColumns = List.copyOf(targetColumns);
        inputStructure = inputStructure == null ? Map.of() : Map.copyOf(inputStructure);
        hardness = hardness == null ? List.of() : List.copyOf(hardness);
    }
}
