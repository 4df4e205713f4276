package io.sandmle.reports.stats;

import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Runs bootstrap replicates in parallel yet deterministically: the replicates are split into a
 * fixed number of chunks, each with its own RNG stream derived from the seed, so the result does
 * not depend on the number of threads.
 */
final class Replicates {

    private static final int CHUNKS = 32;

    /** Work for one chunk: fill rows [from, to) of the output with replicates drawn from rng. */
    interface Chunk {
        void run(int from, int to, Rng rng);
    }

    private Replicates() {
    }

    static void run(int reps, long seed, IntFunction<Chunk> perThreadWork) {
        int chunks = Math.min(CHUNKS, Math.max(1, reps));
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) reps * c / chunks);
            int to = (int) ((long) reps * (c + 1) / chunks);
            perThreadWork.apply(c).run(from, to, Rng.stream(seed, c));
        });
    }
}
