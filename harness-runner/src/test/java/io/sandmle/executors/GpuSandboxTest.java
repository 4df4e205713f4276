package io.sandmle.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Executor;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.executors.local.LocalExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPUs in the sandbox, with stand-in device nodes (character devices named like NVIDIA's, made with mknod in a
 * temporary device folder given as the local executor's gpu-devices setting): no real GPU can be had here.
 */
class GpuSandboxTest {

    @TempDir
    Path tmp;
    Path devices;

    @BeforeEach
    void standInDevices() throws Exception {
        devices = StandInGpus.folder(tmp.resolve("dev"), "nvidia0", "nvidia1", "nvidiactl", "nvidia-uvm", "sda");
        Files.writeString(devices.resolve("nvidia7"), "a regular file is not a GPU\n");
    }

    @Test
    void twoEpisodesEachSeeOnlyTheirOwnGpuAndTheControlNodesWarmAndCold() throws Exception {
        for (String warm : List.of("true", "false")) {
            try (Executor ex = gpuExecutor(Map.of("warm", warm));
                 Sandbox first = ex.open(spec("a-" + warm, 1));
                 Sandbox second = ex.open(spec("b-" + warm, 1))) {
                String a = view(first);
                String b = view(second);
                assertTrue(a.contains("nodes=nvidia-uvm,nvidia0,nvidiactl\n"), warm + ": " + a);
                assertTrue(b.contains("nodes=nvidia-uvm,nvidia1,nvidiactl\n"), warm + ": " + b);
                assertNotEquals(a, b, "concurrent episodes hold different GPUs");
                assertTrue(a.contains("chars=True") && b.contains("chars=True"), "bound as devices: " + a + b);
                // CUDA numbers the GPUs a process can open from 0, so host GPU 1 alone is CUDA device 0.
                assertTrue(a.contains("cuda=0\n") && b.contains("cuda=0\n"), a + b);
                assertTrue(first.gpuSeconds().getAsDouble() > 0, "GPU time is counted while held");
            }
        }
    }

    @Test
    void anEpisodeWithoutGpusSeesNoneOfTheDeviceFolder() throws Exception {
        try (Executor ex = gpuExecutor(Map.of()); Sandbox sb = ex.open(spec("none", 0))) {
            String v = view(sb);
            assertTrue(v.contains("nodes=\n") && v.contains("cuda=unset"), v);
            assertTrue(sb.gpuSeconds().isEmpty(), "no GPUs held: nothing to count");
        }
    }

    @Test
    void anEpisodeWaitsWhileEveryGpuIsHeldAndGetsTheOneReturned() throws Exception {
        try (Executor ex = gpuExecutor(Map.of())) {
            Sandbox first = ex.open(spec("first", 1));
            try (Sandbox second = ex.open(spec("second", 1))) {
                CompletableFuture<Sandbox> third = CompletableFuture.supplyAsync(() -> {
                    try {
                        return ex.open(spec("third", 1));
                    } catch (SandboxException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThrows(TimeoutException.class, () -> third.get(2, TimeUnit.SECONDS), "both GPUs are held");
                double held = first.gpuSeconds().getAsDouble();
                first.close();
                try (Sandbox got = third.get(60, TimeUnit.SECONDS)) {
                    assertTrue(view(got).contains("nodes=nvidia-uvm,nvidia0,nvidiactl\n"), "the returned GPU");
                }
                assertTrue(first.gpuSeconds().getAsDouble() >= held && held >= 2.0,
                        "held at least the 2 s the third waited, and no longer counted once closed: " + held);
            }
        }
    }

    @Test
    void askingMoreGpusThanTheFolderHoldsIsOneSentenceAtTheStart() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-gpus"));
        try (Executor ex = new LocalExecutor().withSettings(Map.of("gpu-devices", empty.toString()))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ex.checkRun(limits(1), SandboxSpec.DEFAULT_PYTHON));
            assertEquals("limits.gpus asks for 1 GPU per episode, but " + empty + " holds no NVIDIA GPU device "
                    + "(nvidia0, nvidia1 …); run on a machine with enough GPUs, point the local executor's gpu-devices "
                    + "setting at the folder holding them, or lower limits.gpus.", e.getMessage());
            SandboxException opened = assertThrows(SandboxException.class, () -> ex.open(spec("x", 1)));
            assertEquals(e.getMessage(), opened.getMessage(), "an episode opened anyway gets the same sentence");
            ex.checkRun(limits(0), SandboxSpec.DEFAULT_PYTHON);
        }
        try (Executor ex = gpuExecutor(Map.of())) {
            String sentence = assertThrows(IllegalArgumentException.class,
                    () -> ex.checkRun(limits(3), SandboxSpec.DEFAULT_PYTHON)).getMessage();
            assertTrue(sentence.startsWith("limits.gpus asks for 3 GPUs per episode, but " + devices
                    + " holds only 2;"), sentence);
        }
    }

    @Test
    void aPythonPrefixRunsTheStepsAndAMissingOneIsRefused() throws Exception {
        Path prefix = tmp.resolve("opt/venvs/torch");
        Files.createDirectories(prefix.resolve("bin"));
        Files.createSymbolicLink(prefix.resolve("bin/python"), Path.of("/usr/bin/python3"));
        Files.writeString(prefix.resolve("marker.txt"), "from the prefix\n");
        for (String warm : List.of("true", "false")) {
            try (Executor ex = new LocalExecutor().withSettings(Map.of("python-prefix", prefix.toString(),
                    "warm", warm)); Sandbox sb = ex.open(spec("venv-" + warm, 0))) {
                ExecResult r = sb.run("import sys\nprint(sys.executable)\nprint(open('" + prefix
                        + "/marker.txt').read())\nopen('" + prefix + "/written', 'w')\n");
                assertTrue(r.stdoutTail().contains(prefix + "/bin/python\n"), warm + ": " + r);
                assertTrue(r.stdoutTail().contains("from the prefix"), "the prefix is visible at its own path: " + r);
                assertTrue(r.stderrTail().contains("Read-only file system"), "and read-only: " + r);
            }
        }
        Path missing = tmp.resolve("nowhere");
        assertEquals("The local executor's python-prefix " + missing + " does not exist; name a venv or conda prefix "
                        + "(the folder holding bin/python).",
                assertThrows(IllegalArgumentException.class,
                        () -> new LocalExecutor().withSettings(Map.of("python-prefix", missing.toString()))).getMessage());
    }

    private Executor gpuExecutor(Map<String, String> more) {
        Map<String, String> settings = new java.util.HashMap<>(more);
        settings.put("gpu-devices", devices.toString());
        return new LocalExecutor().withSettings(settings);
    }

    private SandboxSpec spec(String name, int gpus) {
        return new SandboxSpec(tmp.resolve("episodes").resolve(name).resolve("work"), null, null, limits(gpus), false);
    }

    private static Limits limits(int gpus) {
        return Limits.defaults().withGpus(gpus);
    }

    private static String view(Sandbox sb) throws SandboxException {
        ExecResult r = sb.run(StandInGpus.VIEW);
        assertTrue(r.succeeded(), r.toString());
        assertFalse(r.stdoutTail().contains("sda"), "nothing else of the device folder: " + r.stdoutTail());
        return r.stdoutTail();
    }
}
