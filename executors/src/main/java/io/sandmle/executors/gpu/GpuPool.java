package io.sandmle.executors.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Hands the GPUs of one machine to concurrent episodes, each its own: an episode asking for more GPUs than are free
 * waits until enough are returned (parallel episodes queue rather than fail); one asking for more than the machine
 * has is refused at once, since waiting would never end.
 */
public final class GpuPool {

    private final GpuDevices devices;
    private final String holder;
    private final String remedy;
    private final TreeSet<Integer> free;

    /** The GPUs of this machine's device folder. */
    public GpuPool(GpuDevices devices) {
        this(devices, devices.dir().toString(), "run on a machine with enough GPUs, point the local executor's "
                + "gpu-devices setting at the folder holding them, or lower limits.gpus.");
    }

    /**
     * @param devices the GPUs handed out
     * @param holder  what holds them, for the refusal sentence (a folder, a Slurm job)
     * @param remedy  the refusal sentence's last part: how to get enough GPUs
     */
    public GpuPool(GpuDevices devices, String holder, String remedy) {
        this.devices = devices;
        this.holder = holder;
        this.remedy = remedy;
        this.free = new TreeSet<>(devices.gpus());
    }

    public GpuDevices devices() {
        return devices;
    }

    /**
     * The sentence refusing {@code wanted} GPUs per episode, or {@code null} when this machine has that many.
     *
     * @param wanted GPUs one episode asks for (more than 0)
     */
    public String shortage(int wanted) {
        int have = devices.gpus().size();
        if (have >= wanted) {
            return null;
        }
        String asked = "limits.gpus asks for " + wanted + " GPU" + (wanted == 1 ? "" : "s") + " per episode, but "
                + holder + " holds ";
        return asked + (have == 0 ? "no NVIDIA GPU device (nvidia0, nvidia1 …)" : "only " + have) + "; " + remedy;
    }

    /**
     * Takes {@code wanted} free GPUs, the lowest-numbered first, waiting while too few are free.
     *
     * @throws IllegalArgumentException with {@link #shortage}'s sentence when the machine has too few
     */
    public synchronized GpuLease acquire(int wanted) throws InterruptedException {
        String refusal = shortage(wanted);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        while (free.size() < wanted) {
            wait();
        }
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < wanted; i++) {
            taken.add(free.pollFirst());
        }
        return new GpuLease(this, taken);
    }

    synchronized void release(List<Integer> gpus) {
        free.addAll(gpus);
        notifyAll();
    }
}
