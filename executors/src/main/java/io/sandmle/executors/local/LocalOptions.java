package io.sandmle.executors.local;

import java.time.Duration;

/**
 * How the local executor runs steps.
 *
 * @param warm         serve steps from a warm Python worker when isolation allows it (the default)
 * @param warmStartup  how long a step waits for its episode's worker to finish importing before
 *                     running cold instead
 */
public record LocalOptions(boolean warm, Duration warmStartup) {

    /** Defaults, with warm workers turned off by {@code SANDMLE_WARM=0} or {@code -Dsandmle.warm=false}. */
    public static LocalOptions fromEnvironment() {
        String env = System.getenv("SANDMLE_WARM");
        boolean warm = !"0".equals(env) && !"false".equalsIgnoreCase(System.getProperty("sandmle.warm", "true"));
        return new LocalOptions(warm, Duration.ofSeconds(60));
    }
}
