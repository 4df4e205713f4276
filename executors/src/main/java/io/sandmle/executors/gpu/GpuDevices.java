package io.sandmle.executors.gpu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import io.sandmle.executors.local.Passthrough;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

    /** These devices narrowed to the GPUs numbered in {@code wanted} (the control nodes stay). */
    public GpuDevices only(Collection<Integer> wanted) {
        return new GpuDevices(dir, gpus.stream().filter(wanted::contains).toList(), controlNodes);
    }

    /**
     * What a sandbox holding {@code held} of these GPUs is given: their nodes at their own names ({@code /dev/nvidia3}
     * stays {@code /dev/nvidia3}: the driver opens a GPU by its minor number), the control nodes, and
     * {@code CUDA_VISIBLE_DEVICES}. CUDA numbers the GPUs a process can open from 0 and skips the nodes it cannot
     * open, so host GPU 3 alone is CUDA device 0 inside, and the variable is {@code 0,…,n−1}, not the host numbers
     * (which CUDA would not find).
     */
    public Passthrough passthrough(List<Integer> held) {
        Map<Path, String> nodes = new LinkedHashMap<>();
        held.forEach(n -> nodes.put(gpuNode(n), "/dev/nvidia" + n));
        controlNodes.forEach(name -> nodes.put(dir.resolve(name), "/dev/" + name));
        String visible = IntStream.range(0, held.size()).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return new Passthrough(nodes, List.of(), Map.of("CUDA_VISIBLE_DEVICES", visible));
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
