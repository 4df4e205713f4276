package io.sandmle.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Budget;
import io.sandmle.api.Limits;
import io.sandmle.api.MleEnvironment;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.executors.local.LocalOptions;
import io.sandmle.executors.slurm.SlurmExecutor;
import io.sandmle.executors.slurm.SlurmOptions;
import io.sandmle.executors.slurm.pool.PoolOptions;
import io.sandmle.runner.rollout.SandboxedEnvironments;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.RepoFiles;
import io.sandmle.support.doubles.MicroTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config's {@code executor.settings} and {@code executor.python} reach the executor and the sandbox. */
class ExecutorSettingsTest {

    private static final Map<String, String> ENV = Map.of("SANDMLE_SLURM_PARTITION", "from-env",
            "SANDMLE_SLURM_QOS", "env-qos", "SANDMLE_SLURM_CPUS", "2");

    @Test
    void slurmSettingsWinOverTheEnvironment() {
        SlurmOptions options = SlurmOptions.from(ENV, Map.of("partition", "gpu", "cpus-per-task", "8",
                "mode", "episode", "gres", "gpu:1", "slurm-conf", "/etc/slurm/other.conf"));
        assertEquals("gpu", options.partition());
        assertEquals("env-qos", options.qos(), "a key the settings leave out still comes from the environment");
        assertEquals(8, options.cpusPerTask());
        assertEquals(SlurmOptions.Mode.EPISODE, options.mode());
        assertEquals("gpu:1", options.gres());
        assertEquals(Path.of("/etc/slurm/other.conf"), options.slurmConf());
        assertEquals(new SlurmOptions(SlurmOptions.Mode.STEP, "from-env", "env-qos", null, 2, Duration.ofMinutes(10),
                null, PoolOptions.defaults(), Path.of("/dev")), SlurmOptions.from(ENV, Map.of()));
        SlurmExecutor configured = (SlurmExecutor) new SlurmExecutor().withSettings(Map.of("partition", "gpu"));
        assertEquals("gpu", configured.options().partition());
    }

    @Test
    void aSlurmJobAsksForTheEpisodesGpusUnlessTheGresSettingNamesThem() {
        Limits d = Limits.defaults();
        Limits twoGpus = d.withGpus(2);
        assertEquals("gpu:2", SlurmOptions.from(Map.of(), Map.of()).gresFor(twoGpus));
        assertEquals(null, SlurmOptions.from(Map.of(), Map.of()).gresFor(d), "no GPUs, no --gres");
        assertEquals("gpu:a100:2", SlurmOptions.from(Map.of(), Map.of("gres", "gpu:a100:2")).gresFor(twoGpus),
                "the setting can name the GPU type");
        assertTrue(SlurmOptions.from(Map.of(), Map.of("gres", "tmpdisk:1,gpu:1")).asksForGpus(d),
                "a gres naming GPUs binds them even when limits.gpus is 0");
        assertFalse(SlurmOptions.from(Map.of(), Map.of("gres", "tmpdisk:1")).asksForGpus(d));
        assertEquals(Path.of("/opt/dev"), SlurmOptions.from(Map.of(), Map.of("gpu-devices", "/opt/dev/")).gpuDevices());
        assertEquals("The slurm executor's gpu-devices setting must be an absolute path on the compute nodes (normally "
                + "/dev), not 'dev'.", assertThrows(IllegalArgumentException.class,
                () -> SlurmOptions.from(Map.of(), Map.of("gpu-devices", "dev"))).getMessage());
    }

    @Test
    void poolSettingsAreReadInPoolModeOnly() {
        SlurmOptions pool = SlurmOptions.from(ENV, Map.of("mode", "pool", "min-agents", "0", "max-agents", "8",
                "episodes-per-agent", "2", "idle-release", "5m", "memory-per-agent", "16G", "pilot-time", "2h",
                "pool-dir", "/shared/pools"));
        assertEquals(SlurmOptions.Mode.POOL, pool.mode());
        assertEquals(new PoolOptions(0, 8, 2, Duration.ofMinutes(5), "16G", Duration.ofHours(2), Path.of("/shared/pools")),
                pool.pool());
        assertEquals("The slurm executor's setting 'max-agents' is for the warm pool; add 'mode: pool' or remove it.",
                assertThrows(IllegalArgumentException.class,
                        () -> SlurmOptions.from(Map.of(), Map.of("max-agents", "2"))).getMessage());
        assertEquals("unknown setting 'max-agent' for the slurm executor; did you mean 'max-agents'?",
                assertThrows(IllegalArgumentException.class,
                        () -> SlurmOptions.from(Map.of(), Map.of("mode", "pool", "max-agent", "2"))).getMessage());
        assertEquals("The slurm pool's min-agents (3) is more than its max-agents (2).",
                assertThrows(IllegalArgumentException.class, () -> SlurmOptions.from(Map.of(),
                        Map.of("mode", "pool", "min-agents", "3", "max-agents", "2"))).getMessage());
        assertEquals("The slurm pool's idle-release must be a positive duration such as 90s, 5m or 24h, not 'soon'.",
                assertThrows(IllegalArgumentException.class, () -> SlurmOptions.from(Map.of(),
                        Map.of("mode", "pool", "idle-release", "soon"))).getMessage());
        assertEquals("The slurm pool's memory-per-agent must be sbatch's --mem syntax such as 8G or 4096M, not '8GB'.",
                assertThrows(IllegalArgumentException.class, () -> SlurmOptions.from(Map.of(),
                        Map.of("mode", "pool", "memory-per-agent", "8GB"))).getMessage());
    }

    @Test
    void theSlurmPoolExampleConfigIsReadWhole() {
        var executor = ConfigLoader.load(RepoFiles.root().resolve("examples/configs/slurm-pool-eval.yaml")).executor();
        SlurmExecutor configured = (SlurmExecutor) new SlurmExecutor().withSettings(executor.settings());
        assertEquals(SlurmOptions.Mode.POOL, configured.options().mode());
        assertEquals(new PoolOptions(1, 4, 4, Duration.ofMinutes(2), "32G", Duration.ofHours(12),
                PoolOptions.defaults().poolDir()), configured.options().pool());
        assertEquals(List.of("--cpus-per-task=8", "--partition=cpu"), configured.options().placement(Limits.defaults()));
    }

    @Test
    void badSettingsAreOneSentence() {
        assertEquals("unknown setting 'partiton' for the slurm executor; did you mean 'partition'?",
                assertThrows(IllegalArgumentException.class,
                        () -> new SlurmExecutor().withSettings(Map.of("partiton", "gpu"))).getMessage());
        assertEquals("The slurm executor's cpus-per-task must be a whole number of 1 or more, not 'many'.",
                assertThrows(IllegalArgumentException.class,
                        () -> SlurmOptions.from(Map.of(), Map.of("cpus-per-task", "many"))).getMessage());
        assertEquals("unknown setting 'worm' for the local executor; did you mean 'warm'?",
                assertThrows(IllegalArgumentException.class,
                        () -> new LocalExecutor().withSettings(Map.of("worm", "false"))).getMessage());
        assertFalse(LocalOptions.from(Map.of("warm", "false")).warm());
    }

    @Test
    void theConfiguredPythonRunsTheAgentsCode(@TempDir Path dir) throws Exception {
        MicroTask micro = MicroTask.create(dir.resolve("task"));
        try (LocalExecutor executor = new LocalExecutor()) {
            var environments = new SandboxedEnvironments(executor, Limits.defaults(), "/usr/bin/python3.11");
            try (MleEnvironment env = environments.open(micro.task(), SyntheticGrader.of(micro.task()),
                    dir.resolve("episode"), new Budget(4, Duration.ofMinutes(3), Duration.ofMinutes(1)))) {
                String seen = env.python("import sys; print('interpreter', sys.executable)").observation();
                assertTrue(seen.contains("interpreter /usr/bin/python3.11"), seen);
            }
        }
    }
}
