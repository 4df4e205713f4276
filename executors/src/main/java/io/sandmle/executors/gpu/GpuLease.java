package io.sandmle.executors.gpu;

import io.sandmle.executors.local.Passthrough;
import java.util.List;

/**
 * GPUs one episode holds from a {@link GpuPool} until it closes, and what its sandbox is given for them: only its
 * own GPU nodes plus the control nodes ({@link GpuDevices#passthrough}).
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
        return pool.devices().passthrough(gpus);
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
