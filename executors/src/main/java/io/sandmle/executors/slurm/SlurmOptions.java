package io.sandmle.executors.slurm;

import io.sandmle.api.Limits;
import io.sandmle.support.SettingKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where and how Slurm jobs are submitted. Per-step limits come from the episode's
 * {@link io.sandmle.api.Limits}; these are the cluster-side choices.
 *
 * @param mode          one job per step, or one allocation per episode whose steps run with {@code srun}
 * @param partition     {@code --partition}, or {@code null} for the cluster's default
 * @param qos           {@code --qos}, or {@code null}
 * @param gres          {@code --gres} (e.g. {@code gpu:1}), or {@code null}
 * @param cpusPerTask   {@code --cpus-per-task}
 * @param queueTimeout  how long a job may stay pending before the step fails as a cluster problem
 * @param poll          how often job state is polled
 * @param slurmConf     the cluster's {@code slurm.conf} handed to the clients as {@code SLURM_CONF}, or
 *                      {@code null} for the clients' own default
 */
public record SlurmOptions(Mode mode, String partition, String qos, String gres, int cpusPerTask,
                           Duration queueTimeout, Duration poll, Path slurmConf) {

    /** What one Slurm job covers. */
    public enum Mode { STEP, EPISODE }

    /** The keys of {@code executor.settings} for Slurm. */
    public static final List<String> KEYS = List.of("mode", "partition", "qos", "gres", "cpus-per-task", "slurm-conf");

    /**
     * Options from {@code SANDMLE_SLURM_MODE} (step|episode), {@code _PARTITION}, {@code _QOS}, {@code _GRES},
     * {@code _CPUS} and {@code SLURM_CONF}; unset ones take the defaults (one job per step, one CPU, default
     * partition).
     */
    public static SlurmOptions fromEnvironment() {
        return from(System.getenv(), Map.of());
    }

    /**
     * Options from the config's {@code executor.settings} ({@link #KEYS}), each winning over its environment
     * variable: {@code mode} over {@code SANDMLE_SLURM_MODE}, {@code partition}, {@code qos} and {@code gres} over
     * {@code SANDMLE_SLURM_PARTITION}, {@code _QOS} and {@code _GRES}, {@code cpus-per-task} over
     * {@code SANDMLE_SLURM_CPUS}, {@code slurm-conf} over {@code SLURM_CONF}.
     *
     * @throws IllegalArgumentException with one sentence for an unknown key (naming the nearest) or a bad value
     */
    public static SlurmOptions from(Map<String, String> env, Map<String, String> settings) {
        SettingKeys.requireKnown(settings, KEYS, "the slurm executor");
        String mode = settings.getOrDefault("mode", env.getOrDefault("SANDMLE_SLURM_MODE", "step")).toLowerCase(Locale.ROOT);
        if (!mode.equals("step") && !mode.equals("episode")) {
            throw new IllegalArgumentException("The slurm executor's mode must be step or episode, not '" + mode + "'.");
        }
        String cpus = settings.getOrDefault("cpus-per-task", env.getOrDefault("SANDMLE_SLURM_CPUS", "1")).trim();
        if (!cpus.matches("[1-9][0-9]{0,4}")) {
            throw new IllegalArgumentException("The slurm executor's cpus-per-task must be a whole number of 1 or more, "
                    + "not '" + cpus + "'.");
        }
        String conf = settings.getOrDefault("slurm-conf", env.get("SLURM_CONF"));
        return new SlurmOptions(mode.equals("episode") ? Mode.EPISODE : Mode.STEP,
                settings.getOrDefault("partition", env.get("SANDMLE_SLURM_PARTITION")),
                settings.getOrDefault("qos", env.get("SANDMLE_SLURM_QOS")),
                settings.getOrDefault("gres", env.get("SANDMLE_SLURM_GRES")), Integer.parseInt(cpus),
                Duration.ofMinutes(10), Duration.ofMillis(100), conf == null ? null : Path.of(conf));
    }

    /**
     * The {@code --gres} of a job whose steps have {@code limits}: the {@code gres} setting when there is one (it can
     * name a GPU type, {@code gpu:a100:1}), else {@code gpu:N} for {@code limits.gpus} N > 0, else none.
     */
    public String gresFor(Limits limits) {
        return gres != null || limits.gpus() == 0 ? gres : "gpu:" + limits.gpus();
    }

    /** A copy with another mode. */
    public SlurmOptions withMode(Mode newMode) {
        return new SlurmOptions(newMode, partition, qos, gres, cpusPerTask, queueTimeout, poll, slurmConf);
    }

    /** A copy talking to the cluster configured by {@code conf}. */
    public SlurmOptions withSlurmConf(Path conf) {
        return new SlurmOptions(mode, partition, qos, gres, cpusPerTask, queueTimeout, poll, conf);
    }
}
