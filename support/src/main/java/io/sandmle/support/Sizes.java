package io.sandmle.support;

import java.time.Duration;

/** Human-readable sizes and durations for the sentences an episode records. */
public final class Sizes {

    private Sizes() {
    }

    /** {@code 512 MB}, {@code 3 GB}, {@code 900 KB}. */
    public static String bytes(long b) {
        if (b >= 1L << 30 && b % (1L << 30) == 0) {
            return (b >> 30) + " GB";
        }
        if (b >= 1L << 20) {
            return (b >> 20) + " MB";
        }
        return Math.max(1, b >> 10) + " KB";
    }

    /** {@code 3 s}, {@code 1.5 s}, {@code 5 min}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms >= 60_000 && ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format("%.1f s", ms / 1000.0);
    }
}
