package io.sandmle.api;

import java.util.Map;

/** A scalar reward and the parts it was summed from (format, valid, medal …). */
public record Reward(double total, Map<String, Double> parts) {

    public Reward {
        parts = Map.copyOf(parts);
    }
}
