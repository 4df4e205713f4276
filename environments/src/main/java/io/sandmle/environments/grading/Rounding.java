package io.sandmle.environments.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The two ways MLE-bench's {@code round(score, 5)} can round, depending on the score's Python type. */
public enum Rounding {

    /** Python {@code round(float, 5)}: half-even on the exact binary value. */
    PYTHON {
        @Override
        public double round5(double x) {
            if (!Double.isFinite(x)) {
                return x;
            }
            return new BigDecimal(x).setScale(5, RoundingMode.HALF_EVEN).doubleValue();
        }
    },

    /** NumPy {@code round(np.float64, 5)}: multiply by 1e5, round half-even to an integer, divide. */
    NUMPY {
        @Override
        public double round5(double x) {
            if (!Double.isFinite(x)) {
                return x;
            }
            return Math.rint(x * 1e5) / 1e5;
        }
    };

    /** {@code x} rounded to 5 decimals. */
    public abstract double round5(double x);
}
