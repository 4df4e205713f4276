package io.sandmle.environments.metrics;

/** Input checks shared by the metric kernels, with scikit-learn's wording where it has one. */
final class Inputs {

    private Inputs() {
    }

    static void sameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException(
                    "Found input variables with inconsistent numbers of samples: [" + a + ", " + b + "].");
        }
        if (a == 0) {
            throw new IllegalArgumentException("Found array with 0 sample(s) while a minimum of 1 is required.");
        }
    }

    /** scikit-learn's {@code check_array}: no NaN and no infinity. */
    static void finite(double[] a, String what) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        "Input " + what + " contains " + (Double.isNaN(v) ? "NaN" : "infinity") + ".");
            }
        }
    }
}
