package io.sandmle.environments.metrics;

/** Formatting of labels in error sentences the way Python prints them ({@code 1} not {@code 1.0}). */
final class PandasLike {

    private PandasLike() {
    }

    static String label(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
