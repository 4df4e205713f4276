package io.sandmle.cli.bench;

import io.sandmle.executors.local.Cgroups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time of this JVM and of the sandboxes it runs. A sandbox's processes are counted through the harness's
 * parent cgroup, which keeps the CPU of groups already removed: {@code /proc} cannot, because a sandbox is
 * killed at its pid 1 and the kernel then reaps its workers without handing their CPU to any parent. Without
 * cgroups the live descendants' CPU from {@code /proc} stands in, which misses sandboxes that ended.
 */
final class ProcessTreeCpu {

    /** {@code /proc} reports CPU in USER_HZ ticks, 100 per second on Linux whatever the kernel's own rate. */
    private static final double MILLIS_PER_TICK = 10;

    private final Cgroups cgroups = Cgroups.detect();

    /** CPU milliseconds of the JVM and the sandboxes so far; take two readings around the work and subtract. */
    double millis() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0)
                + sandboxMillis();
    }

    /** CPU milliseconds of the sandboxes alone so far. */
    double sandboxMillis() {
        OptionalLong sandboxes = cgroups.sandboxCpuNanos();
        return sandboxes.isPresent() ? sandboxes.getAsLong() / 1e6 : liveDescendantsMillis();
    }

    private static double liveDescendantsMillis() {
        long ticks = 0;
        for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(h.pid()), "stat"));
                // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            } catch (IOException | RuntimeException e) {
                // the process ended while the tree was read
            }
        }
        return ticks * MILLIS_PER_TICK;
    }
}
