package io.sandmle.executors.gpu;

import io.sandmle.executors.local.Passthrough;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * GPUs one episode holds from a {@link GpuPool} until it closes, and what its sandbox is given for them.
 *
 * <p>The sandbox gets only its own GPU nodes, at their own names ({@code /dev/nvidia3} stays {@code /dev/nvidia3}:
 * the driver opens a GPU by its minor number), plus the control nodes. CUDA numbers the GPUs a process can open
 * from 0 and skips the nodes it cannot open, so inside the sandbox host GPU 3 alone is CUDA device 0, and
 * {@code CUDA_VISIBLE_DEVICES} is {@code 0,…,n−1}, not the host numbers (which CUDA would not find).
 */
public final class GpuLease implements AutoCloseable {

    private final GpuPool pool;
    private final List<Integer> gpus;
    private final long takenNanos = System.nanoTime();
    private long returnedNanos;

    GpuLease(GpuPool pool, List<Integer> gpus) {
        this.pool = pool;
        this.gpus = List.copyOf(gpus);
    }

    /** The host numbers of the GPUs held. */
    public List<Integer> gpus() {
        return gpus;
    }

    /** The GPU nodes and control nodes bound into the sandbox, and {@code CUDA_VISIBLE_DEVICES}. */
    public Passthrough passthrough() {
        GpuDevices devices = pool.devices();
        Map<Path, String> nodes = new LinkedHashMap<>();
        gpus.forEach(n -> nodes.put(devices.gpuNode(n), "/dev/nvidia" + n));
        devices.controlNodes().forEach(name -> nodes.put(devices.dir().resolve(name), "/dev/" + name));
        String visible = IntStream.range(0, gpus.size()).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return new Passthrough(nodes, List.of(), Map.of("CUDA_VISIBLE_DEVICES", visible));
    }

    /** Seconds held so far (until closed), times the number of GPUs held. */
    public synchronized double gpuSeconds() {
        long end = returnedNanos != 0 ? returnedNanos : System.nanoTime();
        return gpus.size() * (end - takenNanos) / 1e9;
    }

    /** Returns the GPUs to the pool; closing again does nothing. */
    @Override
    public synchronized void close() {
        if (returnedNanos == 0) {
            returnedNanos = System.nanoTime();
            pool.release(gpus);
        }
    }
}
