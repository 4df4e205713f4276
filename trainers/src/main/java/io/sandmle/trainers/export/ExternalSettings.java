package io.sandmle.trainers.export;

import io.sandmle.support.SettingKeys;
import io.sandmle.trainers.grpo.GrpoSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code external} trainer's settings.
 *
 * @param rollouts    the rollout schedule (steps, tasks per step, group size, seed), read as GRPO reads it
 * @param command     the training command run with {@code sh -c} on each exported batch
 * @param endpoint    the vLLM base URL whose adapter is swapped after each step, or {@code null} to skip the swap
 * @param adapterName the LoRA adapter's name on the endpoint (default {@code sandmle-policy})
 */
public record ExternalSettings(GrpoSettings rollouts, String command, String endpoint, String adapterName) {

    /** The keys the {@code external} trainer reads. */
    public static final List<String> KEYS = keys();

    /** @throws IllegalArgumentException with one sentence for a missing command or a key it does not read */
    public static ExternalSettings from(Map<String, String> s) {
        SettingKeys.requireKnown(s, KEYS, "the external trainer");
        String command = s.get("command");
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("the external trainer needs a 'command' setting: the training command "
                    + "to run on each exported batch");
        }
        return new ExternalSettings(GrpoSettings.read(s), command, s.get("endpoint"),
                s.getOrDefault("adapter-name", "sandmle-policy"));
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(GrpoSettings.SCHEDULE_KEYS);
        keys.addAll(List.of("command", "endpoint", "adapter-name"));
        return List.copyOf(keys);
    }
}
