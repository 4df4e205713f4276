package io.sandmle.runner.config;

/** Validation inside config records; the loader turns a failure into a sentence with the key's line. */
final class Checks {

    private Checks() {
    }

    /** Fails with {@code sentence} about {@code key} (a key of the record being built) unless {@code condition}. */
    static void require(boolean condition, String key, String sentence) {
        if (!condition) {
            throw new InvalidSetting(key, sentence);
        }
    }

    static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** A rule broken by the value of {@code key}. */
    static final class InvalidSetting extends IllegalArgumentException {
        final String key;

        InvalidSetting(String key, String sentence) {
            super(sentence);
            this.key = key;
        }
    }
}
