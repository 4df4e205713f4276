package io.sandmle.runner.config;

import io.sandmle.api.Sampling;

/**
 * Sampling parameters for every model call; the episode seed is added per episode.
 *
 * @param temperature softmax temperature (default 1.0)
 * @param topP        nucleus mass (default 1.0)
 * @param maxTokens   completion length cap (default 4096)
 */
public record SamplingConfig(Double temperature, Double topP, Integer maxTokens) {

    public SamplingConfig {
        Sampling d = Sampling.defaults();
        temperature = Checks.orDefault(temperature, d.temperature());
        topP = Checks.orDefault(topP, d.topP());
        maxTokens = Checks.orDefault(maxTokens, d.maxTokens());
        Checks.require(temperature >= 0, "temperature", "temperature must be 0 or more");
        Checks.require(topP > 0 && topP <= 1, "top-p", "top-p must be in (0, 1]");
        Checks.require(maxTokens > 0, "max-tokens", "max-tokens must be positive");
    }

    static SamplingConfig defaults() {
        return new SamplingConfig(null, null, null);
    }

    /**
     * The sampling with no seed of its own: the rollout engine then seeds every episode with the episode's
     * seed, so the G rollouts of a training group differ.
     */
    public Sampling unseeded() {
        return new Sampling(temperature, topP, maxTokens, null);
    }

    /** The sampling of one episode. */
    public Sampling toSampling(long seed) {
        return new Sampling(temperature, topP, maxTokens, seed);
    }
}
