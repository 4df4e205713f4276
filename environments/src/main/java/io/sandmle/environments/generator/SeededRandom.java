package io.sandmle.environments.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic randomness for the generator. Wraps {@link SplittableRandom} (whose sequence is specified)
 * and draws Gaussians with its own Box–Muller transform, so the same seed yields the same task bytes on
 * every JDK.
 */
final class SeededRandom {

    private final SplittableRandom random;

    SeededRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A seed for an independent stream derived from this one and a label (stable across call orders). */
    static long derive(long seed, String label) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < label.length(); i++) {
            h = (h ^ label.charAt(i)) * 0x100000001B3L;
        }
        return h;
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    int between(int lo, int hiInclusive) {
        return lo + random.nextInt(hiInclusive - lo + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A random permutation of 0..n-1. */
    int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** An opaque hexadecimal id, so ids carry no order or label information. */
    String hexId(int digits) {
        StringBuilder b = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
        }
        return b.toString();
    }
}
