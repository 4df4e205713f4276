package io.sandmle.executors.local;

import io.sandmle.support.SettingKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the local executor runs steps.
 *
 * @param warm         serve steps from a warm Python worker when isolation allows it (the default)
 * @param warmStartup  how long a step waits for its episode's worker to finish importing before
 *                     running cold instead
 */
public record LocalOptions(boolean warm, Duration warmStartup) {

    /** The keys of {@code executor.settings} for the local executor. */
    public static final List<String> KEYS = List.of("warm");

    /** Defaults, with warm workers turned off by {@code SANDMLE_WARM=0} or {@code -Dsandmle.warm=false}. */
    public static LocalOptions fromEnvironment() {
        return from(Map.of());
    }

    /**
     * The environment's options with the config's {@code executor.settings} over them: {@code warm: false} turns
     * warm workers off as {@code SANDMLE_WARM=0} does, {@code warm: true} keeps them on whatever the environment says.
     *
     * @throws IllegalArgumentException with one sentence for an unknown key (naming the nearest) or a bad value
     */
    public static LocalOptions from(Map<String, String> settings) {
        SettingKeys.requireKnown(settings, KEYS, "the local executor");
        String setting = settings.get("warm");
        if (setting != null && !setting.equals("true") && !setting.equals("false")) {
            throw new IllegalArgumentException("The local executor's warm setting must be true or false, not '"
                    + setting + "'.");
        }
        boolean fromEnvironment = !"0".equals(System.getenv("SANDMLE_WARM"))
                && !"false".equalsIgnoreCase(System.getProperty("sandmle.warm", "true"));
        return new LocalOptions(setting == null ? fromEnvironment : Boolean.parseBoolean(setting), Duration.ofSeconds(60));
    }
}
