package io.sandmle.executors.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** A group in the unified (v2) hierarchy: memory.max, pids.max, cpu.stat and cgroup.kill in one directory. */
final class CgroupV2 implements Cgroup {

    private final Path dir;
    private CgroupV2(Path dir) {
        this.dir = dir;
    }

    /** Creates {@code name} under {@code parent} (which must delegate memory, pids and cpu) and applies the caps. */
    static CgroupV2 create(Path parent, String name, long memoryBytes, int maxProcesses) {
        Path dir = parent.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create cgroup " + dir + ": " + e.getMessage(), e);
        }
        CgroupFiles.write(dir.resolve("memory.max"), Long.toString(memoryBytes));
        CgroupFiles.writeIfPresent(dir.resolve("memory.swap.max"), "0");
        CgroupFiles.write(dir.resolve("pids.max"), Integer.toString(maxProcesses));
        return new CgroupV2(dir);
    }

    @Override
    public List<Path> procsFiles() {
        return List.of(dir.resolve("cgroup.procs"));
    }

    @Override
    public long cpuNanos() {
        return CgroupFiles.keyed(dir.resolve("cpu.stat"), "usage_usec") * 1000;
    }

    @Override
    public long peakMemoryBytes() {
        long peak = CgroupFiles.readLong(dir.resolve("memory.peak"));
        return peak > 0 ? peak : CgroupFiles.readLong(dir.resolve("memory.current"));
    }

    @Override
    public void resetPeak() {
        // memory.peak is only resettable on recent kernels; elsewhere the peak spans the worker's life.
        CgroupFiles.writeIfPresent(dir.resolve("memory.peak"), "0");
    }

    @Override
    public long oomKills() {
        return CgroupFiles.keyed(dir.resolve("memory.events"), "oom_kill");
    }

    @Override
    public long processLimitHits() {
        return CgroupFiles.keyed(dir.resolve("pids.events"), "max");
    }

    @Override
    public List<Long> members() {
        return CgroupFiles.pids(dir.resolve("cgroup.procs"));
    }

    @Override
    public void killAllExcept(Collection<Long> spare) {
        CgroupFiles.sweep(dir.resolve("cgroup.procs"), spare, dir.resolve("cgroup.freeze"), "1", "0",
                dir.resolve("cgroup.kill"));
    }

    @Override
    public void close() {
        killAllExcept(List.of());
        CgroupFiles.remove(dir);
    }
}
