package io.sandmle.environments.generator;

/**
 * The hidden rule l = f(z) + ε linking latent features z to labels: per output a linear part, one pairwise
 * interaction (so models that learn interactions beat linear ones) and Gaussian noise.
 *
 * @param weights      per output, one weight per latent dimension
 * @param bias         per output offset
 * @param interactionA first latent dimension of the interaction
 * @param interactionB second latent dimension of the interaction
 * @param interaction  per output strength of z_A·z_B
 * @param noise        standard deviation of ε
 */
record HiddenRule(double[][] weights, double[] bias, int interactionA, int interactionB, double[] interaction,
                  double noise) {

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
            double f = bias[o] + interaction[o] * z[interactionA] * z[interactionB];
            for (int j = 0; j < z.length; j++) {
                f += weights[o][j] * z[j];
            }
            out[o] = f + noise * epsilon.gaussian();
        }
        return out;
    }
}
