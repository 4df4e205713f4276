package io.sandmle.reports.stats;

/**
 * A small, fast, seeded generator (SplitMix64) for bootstraps and permutations. Each parallel chunk
 * of replicates gets its own stream derived from the report seed and the chunk index, so results
 * do not depend on how many threads ran them.
 */
public final class Rng {

    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** An independent stream for chunk {@code index} of work seeded by {@code seed}. */
    public static Rng stream(long seed, long index) {
        Rng mixer = new Rng(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
        return new Rng(mixer.nextLong());
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A uniform int in [0, bound) by multiply-shift (Lemire) without rejection; the bias is at most
     * bound / 2^32, far below bootstrap Monte-Carlo error for the bounds used here (runs, tasks).
     */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** A uniform double in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
