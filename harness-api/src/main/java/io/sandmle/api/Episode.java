package io.sandmle.api;

/**
 * Everything a {@link Scaffold} gets for one episode.
 *
 * @param episodeId unique id within the run
 * @param task      the task to solve
 * @param env       the episode's environment
 * @param model     the policy to query
 * @param budget    limits on turns and time
 * @param sampling  sampling parameters for the policy
 * @param seed      the episode's seed (scaffold randomness and policy sampling)
 */
public record Episode(String episodeId, Task task, MleEnvironment env, LanguageModel model, Budget budget,
                      Sampling sampling, long seed) {
}
