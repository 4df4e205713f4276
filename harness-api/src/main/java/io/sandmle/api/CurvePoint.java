package io.sandmle.api;

/** One point of a training learning curve (e.g. step 12, {@code reward}, 0.43). */
public record CurvePoint(String runId, String system, int step, String metric, double value) {
}
