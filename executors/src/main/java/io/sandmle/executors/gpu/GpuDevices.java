package io.sandmle.executors.gpu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NVIDIA device nodes of one device folder ({@code /dev} on a GPU machine): the numbered GPUs
 * ({@code nvidia0}, {@code nvidia1} …) and the control nodes every CUDA program opens besides its GPUs.
 *
 * @param dir          the folder scanned
 * @param gpus         the numbers of the GPU nodes found, ascending
 * @param controlNodes the control nodes found ({@link #CONTROL_NODES} present in the folder)
 */
public record GpuDevices(Path dir, List<Integer> gpus, List<String> controlNodes) {

    /** The driver's shared nodes: the control device, unified memory (and its tools), mode setting. */
    public static final List<String> CONTROL_NODES = List.of("nvidiactl", "nvidia-uvm", "nvidia-uvm-tools",
            "nvidia-modeset");
    private static final Pattern GPU_NODE = Pattern.compile("nvidia([0-9]+)");

    public GpuDevices {
        gpus = List.copyOf(gpus);
        controlNodes = List.copyOf(controlNodes);
    }

    /** Scans {@code dir} for device nodes (not regular files or folders) named like NVIDIA's; none when it is missing. */
    public static GpuDevices scan(Path dir) {
        List<Integer> gpus = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "nvidia*")) {
                for (Path entry : entries) {
                    Matcher m = GPU_NODE.matcher(entry.getFileName().toString());
                    if (m.matches() && isDeviceNode(entry)) {
                        gpus.add(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list the device folder " + dir + ": " + e.getMessage(), e);
            }
        }
        gpus.sort(null);
        List<String> control = CONTROL_NODES.stream().filter(n -> isDeviceNode(dir.resolve(n))).toList();
        return new GpuDevices(dir, gpus, control);
    }

    /** The host path of GPU {@code n}'s node. */
    public Path gpuNode(int n) {
        return dir.resolve("nvidia" + n);
    }

    private static boolean isDeviceNode(Path p) {
        try {
            // Character and block devices are neither files, folders nor links: "other".
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (IOException e) {
            return false;
        }
    }
}
