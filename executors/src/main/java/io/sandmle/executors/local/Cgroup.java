package io.sandmle.executors.local;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * One control group holding a step's (or a warm worker's) processes: it caps memory and process count,
 * measures CPU time and peak memory, and kills every member at once, including daemons that escaped
 * their parent. The two kernel layouts are {@link CgroupV1} (this machine's hybrid) and {@link CgroupV2}.
 */
public interface Cgroup extends AutoCloseable {

    /** The files a process must write its own pid into to join (one per v1 controller, one for v2). */
    List<Path> procsFiles();

    /** Moves the process {@code pid} (not its existing children) into this group. */
    default void admit(long pid) {
        procsFiles().forEach(procs -> CgroupFiles.write(procs, Long.toString(pid)));
    }

    /** CPU time used by members since creation, in nanoseconds. */
    long cpuNanos();

    /** Highest memory use since creation or the last {@link #resetPeak()}, in bytes; 0 if unknown. */
    long peakMemoryBytes();

    /** Starts a new peak-memory measurement (used by warm workers between steps). */
    void resetPeak();

    /** How many members the kernel's out-of-memory killer has killed since creation. */
    long oomKills();

    /** How often a fork was refused because the group was at its process cap. */
    long processLimitHits();

    /** Host pids of the current members. */
    List<Long> members();

    /** Kills every member except the host pids in {@code spare} and waits until they are gone. */
    void killAllExcept(Collection<Long> spare);

    /** Kills every member and removes the group. */
    @Override
    void close();
}
