package io.sandmle.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Order statistics for benchmark samples: the one median every bench reports. */
public final class Quantiles {

    private Quantiles() {
    }

    /** The median (mean of the middle two for an even count); NaN for no samples. */
    public static double median(List<Double> xs) {
        return quantile(xs, 0.5);
    }

    /** The median of an array of samples. */
    public static double median(double[] xs) {
        return median(Arrays.stream(xs).boxed().toList());
    }

    /** The {@code q}-quantile by linear interpolation between order statistics; NaN for no samples. */
    public static double quantile(List<Double> xs, double q) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        double pos = q * (s.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.size() - 1);
        return s.get(lo) + (pos - lo) * (s.get(hi) - s.get(lo));
    }

    public static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
