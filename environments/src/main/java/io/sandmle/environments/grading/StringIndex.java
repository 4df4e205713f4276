package io.sandmle.environments.grading;

/**
 * An open-addressing hash index from strings to row numbers, without boxing: aligning a
 * million-row submission by id allocates two arrays instead of a million map entries.
 */
final class StringIndex {

    private final String[] keys;
    private final int[] hashes;
    private final int[] rows;
    private final int mask;

    StringIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        rows = new int[capacity];
        mask = capacity - 1;
    }

    /** Adds {@code key → row}; returns false when the key was already present. */
    boolean add(String key, int row) {
        int h = spread(key.hashCode());
        int i = h & mask;
        while (keys[i] != null) {
            if (hashes[i] == h && keys[i].equals(key)) {
                return false;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        hashes[i] = h;
        rows[i] = row;
        return true;
    }

    /** The row of {@code key}, or -1. */
    int get(String key) {
        int h = spread(key.hashCode());
        int i = h & mask;
        while (keys[i] != null) {
            // Comparing the stored hash first avoids touching the key string on a collision.
            if (hashes[i] == h && keys[i].equals(key)) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
