package io.sandmle.executors.slurm;

import io.sandmle.api.Limits;
import io.sandmle.executors.slurm.pool.PoolOptions;
import io.sandmle.support.SettingKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

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
 * @param slurmConf     the cluster's {@code slurm.conf} handed to the clients as {@code SLURM_CONF}, or
 *                      {@code null} for the clients' own default
 * @param pool          the warm pool's bounds (read in {@link Mode#POOL} only)
 * @param gpuDevices    the compute nodes' folder of NVIDIA device nodes ({@code /dev}), where a job finds the GPUs
 *                      Slurm gave it ({@link JobGpus})
 */
public record SlurmOptions(Mode mode, String partition, String qos, String gres, int cpusPerTask,
                           Duration queueTimeout, Path slurmConf, PoolOptions pool, Path gpuDevices) {

    /**
     * What one Slurm job covers: a step, an episode (its steps run with {@code srun}), or a pilot that serves
     * many episodes' steps from warm workers ({@link io.sandmle.executors.slurm.pool.SlurmPool}).
     */
    public enum Mode { STEP, EPISODE, POOL }

    /** The keys of {@code executor.settings} for Slurm. */
    public static final List<String> KEYS = Stream.concat(Stream.of("mode", "partition", "qos", "gres",
            "cpus-per-task", "slurm-conf", "gpu-devices"), PoolOptions.KEYS.stream()).toList();

    /**
     * Options from {@code SANDMLE_SLURM_MODE} (step|episode|pool), {@code _PARTITION}, {@code _QOS}, {@code _GRES},
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
     * {@code SANDMLE_SLURM_CPUS}, {@code slurm-conf} over {@code SLURM_CONF}; {@code gpu-devices} (default
     * {@code /dev}) is read on the compute nodes.
     *
     * @throws IllegalArgumentException with one sentence for an unknown key (naming the nearest) or a bad value
     */
    public static SlurmOptions from(Map<String, String> env, Map<String, String> settings) {
        SettingKeys.requireKnown(settings, KEYS, "the slurm executor");
        String mode = settings.getOrDefault("mode", env.getOrDefault("SANDMLE_SLURM_MODE", "step")).toLowerCase(Locale.ROOT);
        if (!mode.equals("step") && !mode.equals("episode") && !mode.equals("pool")) {
            throw new IllegalArgumentException("The slurm executor's mode must be step, episode or pool, not '" + mode
                    + "'.");
        }
        Map<String, String> poolSettings = new TreeMap<>(settings);
        poolSettings.keySet().retainAll(PoolOptions.KEYS);
        if (!mode.equals("pool") && !poolSettings.isEmpty()) {
            throw new IllegalArgumentException("The slurm executor's setting '" + poolSettings.keySet().iterator().next()
                    + "' is for the warm pool; add 'mode: pool' or remove it.");
        }
        String cpus = settings.getOrDefault("cpus-per-task", env.getOrDefault("SANDMLE_SLURM_CPUS", "1")).trim();
        if (!cpus.matches("[1-9][0-9]{0,4}")) {
            throw new IllegalArgumentException("The slurm executor's cpus-per-task must be a whole number of 1 or more, "
                    + "not '" + cpus + "'.");
        }
        String conf = settings.getOrDefault("slurm-conf", env.get("SLURM_CONF"));
        Path gpuDevices = Path.of(settings.getOrDefault("gpu-devices", "/dev"));
        if (!gpuDevices.isAbsolute()) {
            // The folder is looked at on the compute nodes, so it cannot be checked here; a relative one is surely wrong.
            throw new IllegalArgumentException("The slurm executor's gpu-devices setting must be an absolute path on the "
                    + "compute nodes (normally /dev), not '" + gpuDevices + "'.");
        }
        return new SlurmOptions(Mode.valueOf(mode.toUpperCase(Locale.ROOT)),
                settings.getOrDefault("partition", env.get("SANDMLE_SLURM_PARTITION")),
                settings.getOrDefault("qos", env.get("SANDMLE_SLURM_QOS")),
                settings.getOrDefault("gres", env.get("SANDMLE_SLURM_GRES")), Integer.parseInt(cpus),
                Duration.ofMinutes(10), conf == null ? null : Path.of(conf), PoolOptions.from(poolSettings),
                gpuDevices.normalize());
    }

    /**
     * The sbatch options a job for steps with {@code limits} carries: CPUs, partition, QOS and generic resources
     * ({@link #gresFor}).
     */
    public List<String> placement(Limits limits) {
        List<String> argv = new ArrayList<>(List.of("--cpus-per-task=" + cpusPerTask));
        Optional.ofNullable(partition).ifPresent(p -> argv.add("--partition=" + p));
        Optional.ofNullable(qos).ifPresent(q -> argv.add("--qos=" + q));
        Optional.ofNullable(gresFor(limits)).ifPresent(g -> argv.add("--gres=" + g));
        return argv;
    }

    /**
     * The {@code --gres} of a job whose steps have {@code limits}: the {@code gres} setting when there is one (it can
     * name a GPU type, {@code gpu:a100:1}), else {@code gpu:N} for {@code limits.gpus} N > 0, else none.
     */
    public String gresFor(Limits limits) {
        return gres != null || limits.gpus() == 0 ? gres : "gpu:" + limits.gpus();
    }

    /**
     * Whether a job for steps with {@code limits} binds its GPUs into the sandbox: {@code limits.gpus} asks for some,
     * or the {@code gres} setting names GPUs ({@code gpu:2}, {@code gpu:a100:1}).
     */
    public boolean asksForGpus(Limits limits) {
        return limits.gpus() > 0 || (gres != null && gres.matches("(.*,)?gpu(:.*)?"));
    }

    /** A copy with another mode. */
    public SlurmOptions withMode(Mode newMode) {
        return new SlurmOptions(newMode, partition, qos, gres, cpusPerTask, queueTimeout, slurmConf, pool, gpuDevices);
    }

    /** A copy talking to the cluster configured by {@code conf}. */
    public SlurmOptions withSlurmConf(Path conf) {
        return new SlurmOptions(mode, partition, qos, gres, cpusPerTask, queueTimeout, conf, pool, gpuDevices);
    }

    /** A copy serving steps from a warm pool with these bounds. */
    public SlurmOptions withPool(PoolOptions newPool) {
        return new SlurmOptions(Mode.POOL, partition, qos, gres, cpusPerTask, queueTimeout, slurmConf, newPool, gpuDevices);
    }
}
