package io.sandmle.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stand-ins for NVIDIA's device nodes (no real GPU can be had here): character devices with the null device's
 * numbers, named like NVIDIA's, in a folder given to an executor as its gpu-devices setting.
 */
final class StandInGpus {

    /** What a step reports of its GPU view: the NVIDIA nodes (and the decoy sda, other-node) in its /dev, whether they
     * are character devices, and CUDA_VISIBLE_DEVICES. */
    static final String VIEW = """
            import os, stat
            nodes = sorted(n for n in os.listdir('/dev') if 'nvidia' in n or n in ('sda', 'other-node'))
            print('nodes=' + ','.join(nodes))
            print('chars=' + str(all(stat.S_ISCHR(os.stat('/dev/' + n).st_mode) for n in nodes)))
            print('cuda=' + os.environ.get('CUDA_VISIBLE_DEVICES', 'unset'))
            """;

    private StandInGpus() {
    }

    /** {@code dir} (created) holding a character device for each of {@code nodes}. */
    static Path folder(Path dir, String... nodes) throws Exception {
        Files.createDirectories(dir);
        for (String node : nodes) {
            Process p = new ProcessBuilder("mknod", dir.resolve(node).toString(), "c", "1", "3")
                    .redirectErrorStream(true).start();
            assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
        }
        return dir;
    }
}
