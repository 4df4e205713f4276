package io.sandmle.executors.slurm;

import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * Options from {@code SANDMLE_SLURM_MODE} (step|episode), {@code _PARTITION}, {@code _QOS}, {@code _GRES},
     * {@code _CPUS} and {@code SLURM_CONF}; unset ones take the defaults (one job per step, one CPU, default
     * partition).
     */
    public static SlurmOptions fromEnvironment() {
        return from(System.getenv());
    }

    static SlurmOptions from(Map<String, String> env) {
        Mode mode = "episode".equalsIgnoreCase(env.get("SANDMLE_SLURM_MODE")) ? Mode.EPISODE : Mode.STEP;
        int cpus = Integer.parseInt(env.getOrDefault("SANDMLE_SLURM_CPUS", "1"));
        return new SlurmOptions(mode, env.get("SANDMLE_SLURM_PARTITION"), env.get("SANDMLE_SLURM_QOS"),
                env.get("SANDMLE_SLURM_GRES"), cpus, Duration.ofMinutes(10), Duration.ofMillis(100),
                env.containsKey("SLURM_CONF") ? Path.of(env.get("SLURM_CONF")) : null);
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
