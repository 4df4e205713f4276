package io.sandmle.executors.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Detects which cgroup layout this machine offers and whether we may use it: the legacy v1 (or the v1
 * side of a hybrid machine, where the unified tree carries no memory controller) or the pure v2 tree.
 * Without write access (not root, no delegation) steps fall back to rlimits only.
 */
public final class Cgroups {

    /** The cgroup file system's usual mount point. */
    public static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final String PARENT = "sandmle";

    /** Which kernel interface the groups are made with. */
    public enum Layout { V1, V2, NONE }

    private final Path root;
    private final Layout layout;

    private Cgroups(Path root, Layout layout) {
        this.root = root;
        this.layout = layout;
    }

    /** Probes {@link #ROOT}: tries to create a throw-away group in the layout found. */
    public static Cgroups detect() {
        return detect(ROOT);
    }

    /** No cgroups: limits by rlimits only (what a machine without writable cgroups gets). */
    public static Cgroups none() {
        return new Cgroups(ROOT, Layout.NONE);
    }

    static Cgroups detect(Path root) {
        Layout found = layoutOf(root);
        Cgroups probe = new Cgroups(root, found);
        if (found != Layout.NONE) {
            try {
                probe.create("probe-" + UUID.randomUUID(), 64L << 20, 8).close();
            } catch (RuntimeException e) {
                return new Cgroups(root, Layout.NONE);
            }
        }
        return probe;
    }

    private static Layout layoutOf(Path root) {
        if (Files.isRegularFile(root.resolve("memory/memory.limit_in_bytes")) && Files.isDirectory(root.resolve("pids"))
                && Files.isDirectory(root.resolve("cpuacct"))) {
            return Layout.V1;
        }
        String controllers = CgroupFiles.read(root.resolve("cgroup.controllers"));
        return controllers.contains("memory") && controllers.contains("pids") ? Layout.V2 : Layout.NONE;
    }

    /** The layout in use; {@link Layout#NONE} when limits fall back to rlimits. */
    public Layout layout() {
        return layout;
    }

    /**
     * CPU nanoseconds used so far by every sandbox process placed in a group of this machine's harness (the
     * parent group accounts for its children, including removed ones), or empty without cgroups. Shared by
     * every harness process on the machine, so a difference of two readings means something on a quiet one.
     */
    public OptionalLong sandboxCpuNanos() {
        return switch (layout) {
            case V1 -> OptionalLong.of(CgroupFiles.readLong(root.resolve("cpuacct").resolve(PARENT)
                    .resolve("cpuacct.usage")));
            case V2 -> OptionalLong.of(CgroupFiles.keyed(root.resolve(PARENT).resolve("cpu.stat"), "usage_usec") * 1000);
            case NONE -> OptionalLong.empty();
        };
    }

    /** A new group capped at {@code memoryBytes} and {@code maxProcesses}, or empty without cgroups. */
    public Optional<Cgroup> open(String name, long memoryBytes, int maxProcesses) {
        return layout == Layout.NONE ? Optional.empty() : Optional.of(create(name, memoryBytes, maxProcesses));
    }

    private Cgroup create(String name, long memoryBytes, int maxProcesses) {
        if (layout == Layout.V1) {
            return CgroupV1.create(root, PARENT + "/" + name, memoryBytes, maxProcesses);
        }
        Path parent = root.resolve(PARENT);
        enableControllers(root);
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create cgroup " + parent + ": " + e.getMessage(), e);
        }
        enableControllers(parent);
        return CgroupV2.create(parent, name, memoryBytes, maxProcesses);
    }

    private static void enableControllers(Path dir) {
        CgroupFiles.writeIfPresent(dir.resolve("cgroup.subtree_control"), "+memory +pids +cpu");
    }
}
