package io.sandmle.reports.stats;

/**
 * Benchmark harmony (Uzunoglu et al. 2025): the normalised Shannon entropy of a system's
 * performance spread over categories, 1 = perfectly even. The transform g is the identity here.
 */
public final class Harmony {

    private Harmony() {
    }

    /**
     * Harmony of per-category performances (all ≥ 0, at least two categories, not all 0).
     *
     * @throws IllegalArgumentException when those conditions do not hold
     */
    public static double of(double[] perCategory) {
        if (perCategory.length < 2) {
            throw new IllegalArgumentException("harmony needs at least two categories");
        }
        double total = 0;
        for (double a : perCategory) {
            if (a < 0) {
                throw new IllegalArgumentException("harmony needs non-negative category scores");
            }
            total += a;
        }
        if (total == 0) {
            throw new IllegalArgumentException("harmony is undefined when every category scores 0");
        }
        double h = 0;
        for (double a : perCategory) {
            double p = a / total;
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(perCategory.length);
    }
}
