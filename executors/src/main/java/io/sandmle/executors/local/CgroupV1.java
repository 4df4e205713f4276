package io.sandmle.executors.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * A group in the legacy (v1) hierarchy, one directory per controller: memory, pids, cpuacct, and the
 * freezer, which stops a fork bomb from outrunning the kill loop.
 */
final class CgroupV1 implements Cgroup {

    private final Path memory;
    private final Path pids;
    private final Path cpuacct;
    private final Path freezer;

    private CgroupV1(Path root, String name) {
        this.memory = root.resolve("memory").resolve(name);
        this.pids = root.resolve("pids").resolve(name);
        this.cpuacct = root.resolve("cpuacct").resolve(name);
        this.freezer = root.resolve("freezer").resolve(name);
    }

    /** Creates the group {@code name} under each controller of {@code root} and applies the caps. */
    static CgroupV1 create(Path root, String name, long memoryBytes, int maxProcesses) {
        CgroupV1 g = new CgroupV1(root, name);
        for (Path dir : g.dirs()) {
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot create cgroup " + dir + ": " + e.getMessage(), e);
            }
        }
        CgroupFiles.write(g.memory.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
        // No swap here, but where there is, the combined limit keeps the step from swapping past its cap.
        CgroupFiles.writeIfPresent(g.memory.resolve("memory.memsw.limit_in_bytes"), Long.toString(memoryBytes));
        CgroupFiles.write(g.pids.resolve("pids.max"), Integer.toString(maxProcesses));
        return g;
    }

    private List<Path> dirs() {
        return List.of(memory, pids, cpuacct, freezer);
    }

    @Override
    public List<Path> procsFiles() {
        return dirs().stream().map(d -> d.resolve("cgroup.procs")).toList();
    }

    @Override
    public long cpuNanos() {
        return CgroupFiles.readLong(cpuacct.resolve("cpuacct.usage"));
    }

    @Override
    public long peakMemoryBytes() {
        return CgroupFiles.readLong(memory.resolve("memory.max_usage_in_bytes"));
    }

    @Override
    public void resetPeak() {
        CgroupFiles.writeIfPresent(memory.resolve("memory.max_usage_in_bytes"), "0");
    }

    @Override
    public long oomKills() {
        return CgroupFiles.keyed(memory.resolve("memory.oom_control"), "oom_kill");
    }

    @Override
    public long processLimitHits() {
        return CgroupFiles.keyed(pids.resolve("pids.events"), "max");
    }

    @Override
    public List<Long> members() {
        return CgroupFiles.pids(pids.resolve("cgroup.procs"));
    }

    @Override
    public void killAllExcept(Collection<Long> spare) {
        CgroupFiles.sweep(pids.resolve("cgroup.procs"), spare, freezer.resolve("freezer.state"), "FROZEN", "THAWED",
                null);
    }

    @Override
    public void close() {
        killAllExcept(List.of());
        dirs().forEach(CgroupFiles::remove);
    }
}
