package io.sandmle.api;

import java.nio.file.Path;
import java.util.Map;

/** Where training left the policy and its last metrics. */
public record TrainingResult(Path finalCheckpoint, int steps, Map<String, Double> finalMetrics) {

    public TrainingResult {
        finalMetrics = Map.copyOf(finalMetrics);
    }
}
