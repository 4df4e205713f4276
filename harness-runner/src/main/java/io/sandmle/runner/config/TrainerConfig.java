package io.sandmle.runner.config;

import java.util.Map;

/**
 * What to train, when the experiment trains.
 *
 * @param name     the trainer's registry name ({@code grpo}, {@code sft})
 * @param reward   the reward function's registry name (default {@code milestone})
 * @param policy   the name of the policy (from {@code policies}) being trained
 * @param settings the trainer's own keys (group-size, steps, learning-rate …)
 */
public record TrainerConfig(String name, String reward, String policy, Map<String, String> settings) {

    public TrainerConfig {
        Checks.require(name != null && !name.isBlank(), "name", "trainer needs a name (e.g. grpo)");
        reward = Checks.orDefault(reward, "milestone");
        policy = Checks.orDefault(policy, "embedded");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
