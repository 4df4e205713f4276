package io.sandmle.trainers.policy;

import io.sandmle.api.TokenLogprob;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Samples head options from one turn's logits and records each choice as a {@code head=value} token. A forced head
 * takes its given option instead, still recorded with the network's log-prob of it, so a fixed recipe's turns read
 * back as the same rows as sampled ones.
 */
final class ChoiceSampler {

    private final ActionSpace space;
    private final float[] logits;
    private final double temperature;
    private final SplittableRandom random;
    private final Map<Head, String> forced;
    private final List<TokenLogprob> tokens = new ArrayList<>();

    /**
     * @param temperature 1 samples from the policy; 0 or less picks the most likely option
     * @param forced      options to take instead of sampling, per head (empty: sample every head); each in the space
     */
    ChoiceSampler(ActionSpace space, float[] logits, double temperature, SplittableRandom random,
                  Map<Head, String> forced) {
        this.space = space;
        this.logits = logits;
        this.temperature = temperature;
        this.random = random;
        this.forced = forced;
    }

    String pick(Head head) {
        double[] logp = logSoftmax(head, temperature <= 0 ? 1.0 : temperature);
        int chosen = forced.containsKey(head) ? space.indexOf(head, forced.get(head))
                : temperature <= 0 ? argmax(logp) : sample(logp);
        String option = space.options(head).get(chosen);
        tokens.add(new TokenLogprob(head.key() + "=" + option, logp[chosen]));
        return option;
    }

    List<TokenLogprob> tokens() {
        return List.copyOf(tokens);
    }

    private double[] logSoftmax(Head head, double t) {
        int n = space.options(head).size();
        double[] z = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            z[i] = logits[space.offset(head) + i] / t;
            max = Math.max(max, z[i]);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        for (int i = 0; i < n; i++) {
            z[i] -= log;
        }
        return z;
    }

    private int sample(double[] logp) {
        double u = random.nextDouble();
        double acc = 0;
        for (int i = 0; i < logp.length; i++) {
            acc += Math.exp(logp[i]);
            if (u < acc) {
                return i;
            }
        }
        return logp.length - 1;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
