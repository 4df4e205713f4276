package io.sandmle.api;

/**
 * Sampling parameters sent with a chat request.
 *
 * @param temperature softmax temperature
 * @param topP        nucleus sampling mass
 * @param maxTokens   completion length cap
 * @param seed        sampling seed, or {@code null} for the server's choice
 */
public record Sampling(double temperature, double topP, int maxTokens, Long seed) {

    public static Sampling defaults() {
        return new Sampling(1.0, 1.0, 4096, null);
    }
}
