package io.sandmle.runner.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to train, when the experiment trains. The common training knobs are typed keys (checked here with
 * one sentence each); anything else a trainer reads goes in {@code settings}.
 *
 * @param name            the trainer's registry name ({@code grpo}, {@code sft})
 * @param reward          the reward function's registry name (default {@code milestone})
 * @param policy          the name of the policy (from {@code policies}) being trained
 * @param tasks           folder of synthetic task folders to train on (default: the first suite's data folder)
 * @param steps           training steps
 * @param groupSize       rollouts per task in a step (G)
 * @param tasksPerStep    tasks per step
 * @param checkpointEvery save a checkpoint every this many steps
 * @param seed            seed of the trainer's network, task order and episodes
 * @param settings        the trainer's own keys (learning-rate, clip-high, kl-coef …)
 */
public record TrainerConfig(String name, String reward, String policy, Path tasks, Integer steps, Integer groupSize,
                            Integer tasksPerStep, Integer checkpointEvery, Long seed, Map<String, String> settings) {

    public TrainerConfig {
        Checks.require(name != null && !name.isBlank(), "name", "trainer needs a name (e.g. grpo)");
        reward = Checks.orDefault(reward, "milestone");
        policy = Checks.orDefault(policy, "embedded");
        Checks.require(steps == null || steps > 0, "steps", "trainer steps must be 1 or more");
        Checks.require(groupSize == null || groupSize > 1, "group-size",
                "trainer group-size must be 2 or more (GRPO compares rollouts within a group)");
        Checks.require(tasksPerStep == null || tasksPerStep > 0, "tasks-per-step", "trainer tasks-per-step must be 1 or more");
        Checks.require(checkpointEvery == null || checkpointEvery > 0, "checkpoint-every",
                "trainer checkpoint-every must be 1 or more");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** This section with its tasks folder resolved against {@code base}. */
    TrainerConfig resolvedAgainst(Path base) {
        return new TrainerConfig(name, reward, policy, tasks == null ? null : base.resolve(tasks).normalize(), steps,
                groupSize, tasksPerStep, checkpointEvery, seed, settings);
    }

    /** The keys the trainer reads: {@code settings} with the typed keys set (typed keys win). */
    public Map<String, String> trainerSettings() {
        Map<String, String> all = new LinkedHashMap<>(settings);
        put(all, "steps", steps);
        put(all, "group-size", groupSize);
        put(all, "tasks-per-step", tasksPerStep);
        put(all, "checkpoint-every", checkpointEvery);
        put(all, "seed", seed);
        return Map.copyOf(all);
    }

    /** The number of steps the trainer will run: {@code steps}, else the {@code steps} setting, else 0 (unknown). */
    public int plannedSteps() {
        if (steps != null) {
            return steps;
        }
        try {
            return Integer.parseInt(settings.getOrDefault("steps", "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void put(Map<String, String> all, String key, Number value) {
        if (value != null) {
            all.put(key, value.toString());
        }
    }
}
