package io.sandmle.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.executors.slurm.JobGpus;
import io.sandmle.executors.slurm.SlurmExecutor;
import io.sandmle.executors.slurm.SlurmOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPUs Slurm gave a job, bound into its sandbox on the node, on a real one-node cluster. Two parts are stand-ins,
 * since no GPU can be had here and the test cluster has no gres: the device nodes (character devices named like
 * NVIDIA's, made with mknod in a temporary folder given as the slurm executor's gpu-devices setting), and the
 * allocation (the cluster cannot grant {@code --gres=gpu}, so the jobs ask {@code gres: none} and get
 * {@code SLURM_JOB_GPUS} exported at submission, which Slurm passes on when it sets none itself). Everything from the
 * job's environment on is real: the job script, the node-side binding, bubblewrap, the pool's agent.
 */
@ExtendWith(SlurmCluster.class)
class SlurmGpuTest {

    @TempDir
    Path tmp;
    Path devices;

    @BeforeEach
    void standInDevices() throws Exception {
        devices = StandInGpus.folder(tmp.resolve("dev"), "nvidia0", "nvidia1", "nvidia2", "nvidiactl", "nvidia-uvm");
    }

    @Test
    void aStepAndAnEpisodeSeeOnlyTheJobsGpuNumberedFromZero() throws Exception {
        for (String mode : List.of("step", "episode")) {
            try (SlurmExecutor ex = executor(Map.of("mode", mode), "1");
                 Sandbox gpu = ex.open(spec(mode + "-gpu", 1));
                 Sandbox none = ex.open(spec(mode + "-none", 0))) {
                String seen = view(gpu);
                assertTrue(seen.contains("nodes=nvidia-uvm,nvidia1,nvidiactl\n"), mode + ": " + seen);
                assertTrue(seen.contains("chars=True") && seen.contains("cuda=0\n"), mode + ": " + seen);
                String without = view(none);
                assertTrue(without.contains("nodes=\n") && without.contains("cuda=unset"),
                        mode + ": a job without GPUs binds none: " + without);
            }
        }
    }

    @Test
    void aJobWhoseGpuIsMissingFromTheNodeFailsTheStepInOneSentence() throws Exception {
        try (SlurmExecutor ex = executor(Map.of(), "4"); Sandbox sb = ex.open(spec("missing", 1))) {
            SandboxException e = assertThrows(SandboxException.class, () -> sb.run("print('never')"));
            assertTrue(e.getMessage().startsWith("The step asked for GPUs, but Slurm gave the job GPU 4 and " + devices
                    + " on ") && e.getMessage().contains("holds no device node nvidia4; set the slurm executor's gres"),
                    e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void theStepsGpusWinOverTheJobsAndSlurmMayWriteARange() {
        assertEquals(List.of(0, 1), JobGpus.of(Map.of("SLURM_STEP_GPUS", "0-1", "SLURM_JOB_GPUS", "2"), devices).gpus());
        assertEquals(List.of(2), JobGpus.of(Map.of("SLURM_JOB_GPUS", "2"), devices).gpus(), "a batch job's own");
        assertEquals(List.of("nvidiactl", "nvidia-uvm"), JobGpus.of(Map.of("SLURM_JOB_GPUS", "2"), devices).controlNodes());
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> JobGpus.of(Map.of(), devices));
        assertTrue(none.getMessage().startsWith("The step asked for GPUs, but Slurm named none in the job's environment "
                + "(SLURM_STEP_GPUS, SLURM_JOB_GPUS); set the slurm executor's gres"), none.getMessage());
    }

    @Test
    void aPilotsEpisodesGetOnlyThePilotsGpus() throws Exception {
        Map<String, String> pool = Map.of("mode", "pool", "min-agents", "0", "max-agents", "1",
                "memory-per-agent", "1G", "pool-dir", tmp.resolve("pools").toString());
        try (SlurmExecutor ex = executor(pool, "1")) {
            try (Sandbox sb = ex.open(spec("pool-gpu", 1))) {
                String seen = view(sb);
                assertTrue(seen.contains("nodes=nvidia-uvm,nvidia1,nvidiactl\n") && seen.contains("cuda=0\n"), seen);
            }
            SandboxException e = assertThrows(SandboxException.class, () -> ex.open(spec("pool-two", 2)).close());
            assertTrue(e.getMessage().startsWith("limits.gpus asks for 2 GPUs per episode, but the pilot job ")
                    && e.getMessage().contains(" holds only 1; set the slurm executor's gres"), e.getMessage());
        }
    }

    /** A slurm executor on the test cluster whose jobs get GPU {@code jobGpus} the way Slurm names them (stand-in). */
    private SlurmExecutor executor(Map<String, String> extra, String jobGpus) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("gres", "none");
        settings.put("gpu-devices", devices.toString());
        SlurmOptions options = SlurmOptions.from(System.getenv(), settings).withSlurmConf(SlurmCluster.slurmConf());
        return new SlurmExecutor(options, Map.of("SLURM_JOB_GPUS", jobGpus));
    }

    private SandboxSpec spec(String name, int gpus) {
        return new SandboxSpec(tmp.resolve("episodes").resolve(name).resolve("work"), null, null,
                Limits.defaults().withGpus(gpus), false);
    }

    private static String view(Sandbox sb) throws SandboxException {
        ExecResult r = sb.run(StandInGpus.VIEW);
        assertTrue(r.succeeded(), r.toString());
        return r.stdoutTail();
    }
}
