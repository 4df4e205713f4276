package io.sandmle.trainers.grpo;

import io.sandmle.support.SettingKeys;
import io.sandmle.trainers.Settings;

import java.util.List;
import java.util.Map;

/**
 * GRPO settings, with SandMLE's values as defaults (sandmle.md §5.2) except the learning rate and the
 * epochs, which suit the small embedded network rather than an 8B LLM: with one pass per step at 0.03 it
 * moved too little in a 20-step run, while four clipped passes at 0.05 trained (docs/RESULTS.md).
 *
 * @param groupSize       rollouts per task (rollout.n)
 * @param tasksPerStep    tasks per step (train_batch_size)
 * @param steps           training steps
 * @param learningRate    Adam learning rate
 * @param clipLow         lower clip ratio
 * @param clipHigh        upper clip ratio (clip-higher)
 * @param klCoef          weight of KL(policy ‖ reference); 0 disables it (SandMLE's setting)
 * @param epochs          optimiser passes over each step's rollouts (ppo_epochs)
 * @param checkpointEvery save a checkpoint every this many steps
 * @param hidden          hidden units of a fresh network
 * @param seed            seed of the network, task order and episodes
 * @param traps           a fresh network chooses over the action space with the deliberate traps (a robustness
 *                        experiment; {@code traps}, default false)
 */
public record GrpoSettings(int groupSize, int tasksPerStep, int steps, double learningRate, double clipLow,
                           double clipHigh, double klCoef, int epochs, int checkpointEvery, int hidden, long seed,
                           boolean traps) {

    /** The keys the {@code grpo} trainer reads ({@code init-checkpoint} and {@code traps} through {@link StartingPolicy}). */
    public static final List<String> KEYS = List.of("group-size", "tasks-per-step", "steps", "learning-rate", "clip-low",
            "clip-high", "kl-coef", "epochs", "checkpoint-every", "hidden", "seed", "init-checkpoint", "traps");
    /** The keys of GRPO's rollout schedule, which the other trainers follow too. */
    public static final List<String> SCHEDULE_KEYS = List.of("group-size", "tasks-per-step", "steps", "seed");

    /**
     * The {@code grpo} trainer's settings.
     *
     * @throws IllegalArgumentException with one sentence for a key it does not read (naming the nearest one) or a
     *                                  bad value
     */
    public static GrpoSettings from(Map<String, String> s) {
        SettingKeys.requireKnown(s, KEYS, "the grpo trainer");
        return read(s);
    }

    /**
     * The same values without the key check, for trainers that follow GRPO's rollout schedule ({@link #SCHEDULE_KEYS})
     * and check their own keys.
     */
    public static GrpoSettings read(Map<String, String> s) {
        return new GrpoSettings(
                positive(s, "group-size", 4), positive(s, "tasks-per-step", 16), positive(s, "steps", 20),
                number(s, "learning-rate", 0.05), number(s, "clip-low", 0.2), number(s, "clip-high", 0.28),
                number(s, "kl-coef", 0.0), positive(s, "epochs", 4), positive(s, "checkpoint-every", 5),
                positive(s, "hidden", 32), (long) number(s, "seed", 0), Settings.flag(s, "trainer", "traps"));
    }

    private static int positive(Map<String, String> s, String key, int fallback) {
        int v = (int) number(s, key, fallback);
        if (v <= 0) {
            throw new IllegalArgumentException("trainer setting '" + key + "' must be a positive whole number");
        }
        return v;
    }

    private static double number(Map<String, String> s, String key, double fallback) {
        return Settings.number(s, "trainer", key, fallback);
    }
}
