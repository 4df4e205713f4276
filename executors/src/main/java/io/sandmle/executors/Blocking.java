package io.sandmle.executors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs waits that block a thread (reading a worker's pipe, polling a Slurm job) on their own daemon
 * threads. The common fork-join pool has one thread per spare core, so blocking there would make parallel
 * episodes wait on each other.
 */
public final class Blocking {

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sandbox-wait");
        t.setDaemon(true);
        return t;
    });

    private Blocking() {
    }

    /** {@link CompletableFuture#supplyAsync} on a thread of its own. */
    public static <T> CompletableFuture<T> supply(Supplier<T> blockingCall) {
        return CompletableFuture.supplyAsync(blockingCall, THREADS);
    }

    /** {@link CompletableFuture#runAsync} on a thread of its own. */
    public static CompletableFuture<Void> run(Runnable blockingCall) {
        return CompletableFuture.runAsync(blockingCall, THREADS);
    }
}
