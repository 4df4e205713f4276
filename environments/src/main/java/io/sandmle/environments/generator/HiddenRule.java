package io.sandmle.environments.generator;

/**
 * The hidden rule l = f(z) + ε linking latent features z to labels. f's shape is one {@link RuleFamily}; its
 * parameters are drawn once per task, and f is rescaled so that its spread over standard-normal z is the same
 * for every family: tasks of different families differ in shape, not in how much signal they hold.
 *
 * @param family   the shape of f
 * @param weights  per output, one weight per latent dimension (the linear part, or each dimension's share)
 * @param bias     per output offset
 * @param strongest the three latent dimensions with the largest first-output weights, strongest first: the
 *                  inputs of the non-additive terms (products, the joint step, the sines)
 * @param termSigns per output and term, the sign and strength of that term
 * @param cuts     per latent dimension, the cut point of its step (thresholds family)
 * @param scale    per output, the factor that brings f's standard deviation to {@link #SIGNAL_SD}
 * @param noise    standard deviation of ε
 */
record HiddenRule(RuleFamily family, double[][] weights, double[] bias, int[] strongest, double[][] termSigns,
                  double[] cuts, double[] scale, double noise) {

    /** The spread of f every family is scaled to (the former linear-plus-one-interaction rule's, roughly). */
    static final double SIGNAL_SD = 1.6;

    int latentDims() {
        return weights[0].length;
    }

    int outputs() {
        return weights.length;
    }

    /** f(z) + ε for every output. */
    double[] apply(double[] z, SeededRandom epsilon) {
        double[] out = new double[outputs()];
        for (int o = 0; o < out.length; o++) {
            out[o] = bias[o] + scale[o] * signal(z, o) + noise * epsilon.gaussian();
        }
        return out;
    }

    /** f(z) for one output before scaling and bias. */
    double signal(double[] z, int o) {
        double[] w = weights[o];
        double f = 0;
        switch (family) {
            case LINEAR, SPARSE -> {
                for (int j = 0; j < z.length; j++) {
                    f += w[j] * z[j];
                }
            }
            case INTERACTIONS -> {
                for (int j = 0; j < z.length; j++) {
                    f += 0.4 * w[j] * z[j];
                }
                int a = strongest[0];
                int b = strongest[1];
                int c = strongest[2];
                f += termSigns[o][0] * z[a] * z[b] + termSigns[o][1] * z[a] * z[c] + termSigns[o][2] * z[b] * z[c];
            }
            case THRESHOLDS -> {
                for (int j = 0; j < z.length; j++) {
                    f += w[j] * step(z[j], cuts[j]);
                }
                int a = strongest[0];
                int b = strongest[1];
                f += termSigns[o][0] * (z[a] > cuts[a] && z[b] > cuts[b] ? 1.5 : 0);
            }
            case MONOTONE -> {
                for (int j = 0; j < z.length; j++) {
                    f += w[j] * z[j] * Math.abs(z[j]);
                }
            }
            case PERIODIC -> {
                // A sine of an oblique direction (all dimensions at once), so no single split or feature finds it.
                double u = 0;
                for (int j = 0; j < z.length; j++) {
                    u += w[j] * z[j];
                }
                u /= norm(w);
                f = 0.25 * u + termSigns[o][0] * Math.sin(2.4 * u) + 0.5 * termSigns[o][1] * Math.sin(2.4 * z[strongest[0]]);
            }
            default -> throw new IllegalStateException("unknown rule family " + family);
        }
        return f;
    }

    private static double norm(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    private static double step(double z, double cut) {
        return z > cut ? 1 : -1;
    }
}
