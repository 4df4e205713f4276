package io.sandmle.executors.slurm.pool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The bounds of a Slurm warm pool ({@code mode: pool} of the slurm executor).
 *
 * @param minAgents         pilots kept running once started, even when idle
 * @param maxAgents         pilots the pool may run at once
 * @param episodesPerAgent  episodes one pilot serves at once (each holds a warm worker)
 * @param idleRelease       how long a pilot above {@code minAgents} may stay idle before it is cancelled
 * @param memoryPerAgent    the pilot's {@code --mem} (sbatch syntax, e.g. {@code 8G}): room for its episodes' workers
 * @param pilotTime         the pilot's {@code --time}
 * @param poolDir           where pilots register, on a file system the compute nodes share with the harness
 */
public record PoolOptions(int minAgents, int maxAgents, int episodesPerAgent, Duration idleRelease,
                          String memoryPerAgent, Duration pilotTime, Path poolDir) {

    /** The keys of {@code executor.settings} that only {@code mode: pool} reads. */
    public static final List<String> KEYS = List.of("min-agents", "max-agents", "episodes-per-agent", "idle-release",
            "memory-per-agent", "pilot-time", "pool-dir");

    /** The defaults: one to four pilots of four episodes each, released after two idle minutes. */
    public static PoolOptions defaults() {
        return from(Map.of());
    }

    /**
     * Options from {@code executor.settings}: {@code min-agents}, {@code max-agents}, {@code episodes-per-agent}
     * (whole numbers), {@code idle-release} and {@code pilot-time} (seconds, or with a unit: {@code 90s},
     * {@code 5m}, {@code 24h}), {@code memory-per-agent} ({@code 8G}, {@code 4096M}), {@code pool-dir} (a path).
     *
     * @throws IllegalArgumentException with one sentence for a bad value
     */
    public static PoolOptions from(Map<String, String> settings) {
        int min = count(settings, "min-agents", "1", 0);
        int max = count(settings, "max-agents", "4", 1);
        if (min > max) {
            throw new IllegalArgumentException("The slurm pool's min-agents (" + min + ") is more than its max-agents ("
                    + max + ").");
        }
        String memory = settings.getOrDefault("memory-per-agent", "8G").trim();
        if (!memory.matches("[1-9][0-9]*[KMGTkmgt]?")) {
            throw new IllegalArgumentException("The slurm pool's memory-per-agent must be sbatch's --mem syntax such as "
                    + "8G or 4096M, not '" + memory + "'.");
        }
        String dir = settings.get("pool-dir");
        return new PoolOptions(min, max, count(settings, "episodes-per-agent", "4", 1),
                duration(settings, "idle-release", "120s"), memory, duration(settings, "pilot-time", "24h"),
                dir == null ? Path.of(System.getProperty("user.home"), ".sandmle", "slurm-pools") : Path.of(dir));
    }

    private static int count(Map<String, String> settings, String key, String fallback, int least) {
        String value = settings.getOrDefault(key, fallback).trim();
        if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) < least) {
            throw new IllegalArgumentException("The slurm pool's " + key + " must be a whole number of " + least
                    + " or more, not '" + value + "'.");
        }
        return Integer.parseInt(value);
    }

    private static Duration duration(Map<String, String> settings, String key, String fallback) {
        String value = settings.getOrDefault(key, fallback).trim().toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,7})([smh]?)").matcher(value);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("The slurm pool's " + key + " must be a positive duration such as 90s, "
                    + "5m or 24h, not '" + value + "'.");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
