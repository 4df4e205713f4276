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
import io.sandmle.runner.rollout.SandboxedEnvironments;
import io.sandmle.support.doubles.MicroTask;
import java.nio.file.Path;
import java.time.Duration;
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
                Duration.ofMillis(100), null), SlurmOptions.from(ENV, Map.of()));
        SlurmExecutor configured = (SlurmExecutor) new SlurmExecutor().withSettings(Map.of("partition", "gpu"));
        assertEquals("gpu", configured.options().partition());
    }

    @Test
    void aSlurmJobAsksForTheEpisodesGpusUnlessTheGresSettingNamesThem() {
        Limits d = Limits.defaults();
        Limits twoGpus = new Limits(d.wallTime(), d.cpuTime(), d.memoryBytes(), d.maxProcesses(), d.maxOpenFiles(),
                d.maxOutputBytes(), d.maxDiskBytes(), d.tailChars(), 2);
        assertEquals("gpu:2", SlurmOptions.from(Map.of(), Map.of()).gresFor(twoGpus));
        assertEquals(null, SlurmOptions.from(Map.of(), Map.of()).gresFor(d), "no GPUs, no --gres");
        assertEquals("gpu:a100:2", SlurmOptions.from(Map.of(), Map.of("gres", "gpu:a100:2")).gresFor(twoGpus),
                "the setting can name the GPU type");
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
