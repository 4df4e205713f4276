package io.sandmle.trainers.grpo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.sandmle.trainers.policy.PolicyNetwork;

/**
 * The loss of one GRPO pass over a {@link TokenBatch}: the negated clipped surrogate
 * {@code -Σ w·min(ρ·A, clip(ρ, 1 - clip-low, 1 + clip-high)·A)} with {@code ρ = exp(log π - log π_old)},
 * plus, with a reference policy, {@code kl-coef · Σ w·KL(π ‖ π_ref)}, the exact KL over each row's head.
 *
 * @param objective    the scalar to minimise
 * @param entropy      the weighted mean entropy of the rows' heads
 * @param clipFraction the share of rows whose ratio lies outside the clip range
 * @param kl           the weighted mean KL to the reference, or null without one
 */
record GrpoLoss(NDArray objective, NDArray entropy, NDArray clipFraction, NDArray kl) {

    /**
     * @param oldLogprob    [rows] each chosen option's log-probability when it was sampled
     * @param advantage     [rows] each row's trajectory advantage
     * @param weight        [rows] each row's weight
     * @param refLogSoftmax [rows, options] the reference's per-head log-softmax, or null for no KL term
     */
    static GrpoLoss of(PolicyNetwork.Outputs o, NDArray oldLogprob, NDArray advantage, NDArray weight,
                       NDArray refLogSoftmax, GrpoSettings s) {
        NDArray ratio = o.chosen().sub(oldLogprob).exp();
        NDArray clipped = ratio.clip(1 - s.clipLow(), 1 + s.clipHigh());
        NDArray surrogate = ratio.mul(advantage).minimum(clipped.mul(advantage));
        NDArray objective = surrogate.mul(weight).sum().neg();
        NDArray entropy = o.entropy().mul(weight).sum();
        NDArray clipFraction = ratio.sub(clipped).abs().gt(1e-6).toType(DataType.FLOAT32, false).mean();
        if (refLogSoftmax == null) {
            return new GrpoLoss(objective, entropy, clipFraction, null);
        }
        NDArray perRow = o.logSoftmax().exp().mul(o.logSoftmax().sub(refLogSoftmax)).mul(o.headMask())
                .sum(new int[] {1});
        NDArray kl = perRow.mul(weight).sum();
        return new GrpoLoss(objective.add(kl.mul(s.klCoef())), entropy, clipFraction, kl);
    }
}
