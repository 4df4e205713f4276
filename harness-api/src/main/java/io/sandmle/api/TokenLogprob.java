package io.sandmle.api;

/**
 * The log-probability of one sampled token. For the embedded policy a "token" is one of its
 * discrete choices (a recipe, a hyper-parameter) so that GRPO can train it the same way.
 */
public record TokenLogprob(String token, double logprob) {
}
