package io.sandmle.api;

/**
 * What one episode's code used of the machine, summed over its code steps (each measured by its own cgroup
 * where the executor has cgroups).
 *
 * @param cpuMillis       user+system CPU time of every step's processes together
 * @param peakMemoryBytes the highest peak memory of any one step, 0 when unknown
 * @param gpuSeconds      seconds the episode held its GPUs, times how many it held; {@code null} when the executor
 *                        cannot tell (0 for an episode that held none)
 */
public record ResourceUse(long cpuMillis, long peakMemoryBytes, Double gpuSeconds) {

    /** The use of an episode whose steps ran nothing. */
    public static final ResourceUse NONE = new ResourceUse(0, 0, 0.0);

    /** This use plus one more step's result. */
    public ResourceUse plus(ExecResult step) {
        return new ResourceUse(cpuMillis + step.cpuMillis(), Math.max(peakMemoryBytes, step.peakMemoryBytes()),
                gpuSeconds);
    }

    /** A copy with the GPU-seconds the sandbox reported. */
    public ResourceUse withGpuSeconds(Double seconds) {
        return new ResourceUse(cpuMillis, peakMemoryBytes, seconds);
    }
}
