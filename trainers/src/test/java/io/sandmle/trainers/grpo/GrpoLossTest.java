package io.sandmle.trainers.grpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.sandmle.trainers.policy.PolicyNetwork;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link GrpoLoss} against closed forms, on a one-parameter softmax policy over two options with logits (θ, 0):
 * π(0) = σ(θ), d log π(c)/dθ = [c = 0] − σ(θ). The loss runs in float64 here, so values agree to 1e-9.
 */
class GrpoLossTest {

    /** The shipped defaults: clip-low 0.2, clip-high 0.28, no KL. */
    private static final GrpoSettings DEFAULTS = GrpoSettings.from(Map.of());
    private static final double THETA = 0.3;
    private static final double THETA_REF = -0.4;
    /** How far from a clip bound the probing ratios sit: moving either constant by more than this fails a test. */
    private static final double NEAR = 0.001;

    /**
     * One sampled choice of the tiny policy.
     *
     * @param option    the chosen option (0 or 1)
     * @param ratio     π(option)/π_old(option) now; the old log-probability is set to give it
     * @param advantage the row's advantage
     * @param weight    the row's weight
     */
    private record Row(int option, double ratio, double advantage, double weight) {

        double logProb() {
            return Math.log(option == 0 ? p0(THETA) : 1 - p0(THETA));
        }

        /** d(−w·ρ·A)/dθ: the loss gradient when the unclipped term ρ·A is the one the min keeps. */
        double unclippedGradient() {
            return -weight * advantage * ratio * ((option == 0 ? 1 : 0) - p0(THETA));
        }
    }

    /** The loss, its derivative in θ and the logged KL (NaN without a reference). */
    private record Result(double loss, double gradient, double kl) {
    }

    private static double p0(double theta) {
        return 1 / (1 + Math.exp(-theta));
    }

    /** Runs {@link GrpoLoss} on the tiny policy at {@link #THETA}, with the reference at {@link #THETA_REF} if asked. */
    private static Result run(GrpoSettings s, boolean withReference, Row... rows) {
        int n = rows.length;
        double[] firstColumn = new double[2 * n];
        double[] chosenMask = new double[2 * n];
        double[] old = new double[n];
        double[] adv = new double[n];
        double[] w = new double[n];
        double[] ref = new double[2 * n];
        for (int r = 0; r < n; r++) {
            firstColumn[2 * r] = 1;
            chosenMask[2 * r + rows[r].option()] = 1;
            old[r] = rows[r].logProb() - Math.log(rows[r].ratio());
            adv[r] = rows[r].advantage();
            w[r] = rows[r].weight();
            ref[2 * r] = Math.log(p0(THETA_REF));
            ref[2 * r + 1] = Math.log(1 - p0(THETA_REF));
        }
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager m = NDManager.newBaseManager(engine.defaultDevice(), "PyTorch")) {
            NDArray theta = m.create(new double[] {THETA});
            theta.setRequiresGradient(true);
            try (GradientCollector collector = engine.newGradientCollector()) {
                Shape rowsByOptions = new Shape(n, 2);
                NDArray logSoftmax = theta.mul(m.create(firstColumn, rowsByOptions)).logSoftmax(1);
                NDArray chosen = logSoftmax.mul(m.create(chosenMask, rowsByOptions)).sum(new int[] {1});
                var outputs = new PolicyNetwork.Outputs(chosen, logSoftmax, m.ones(rowsByOptions, DataType.FLOAT64), m);
                GrpoLoss loss = GrpoLoss.of(outputs, m.create(old), m.create(adv), m.create(w),
                        withReference ? m.create(ref, rowsByOptions) : null, s);
                collector.backward(loss.objective());
                return new Result(loss.objective().getDouble(), theta.getGradient().getDouble(),
                        loss.kl() == null ? Double.NaN : loss.kl().getDouble());
            }
        }
    }

    @Test
    void aPositiveAdvantageStopsPushingAboveTheHighBound() {
        Row above = new Row(0, 1 + 0.28 + NEAR, 1.5, 1);
        Row below = new Row(0, 1 + 0.28 - NEAR, 1.5, 1);
        Result clipped = run(DEFAULTS, false, above);
        assertEquals(0.0, clipped.gradient(), 1e-12, "the clipped term 1.28·A is kept and has no gradient");
        assertEquals(-1.28 * 1.5, clipped.loss(), 1e-9);
        Result moving = run(DEFAULTS, false, below);
        assertEquals(below.unclippedGradient(), moving.gradient(), 1e-9);
        assertEquals(-below.ratio() * 1.5, moving.loss(), 1e-9);
    }

    @Test
    void aNegativeAdvantageStopsPushingBelowTheLowBound() {
        Row under = new Row(1, 1 - 0.2 - NEAR, -2, 1);
        Row over = new Row(1, 1 - 0.2 + NEAR, -2, 1);
        Result clipped = run(DEFAULTS, false, under);
        assertEquals(0.0, clipped.gradient(), 1e-12, "the clipped term 0.8·A is kept and has no gradient");
        assertEquals(0.8 * 2, clipped.loss(), 1e-9);
        Result moving = run(DEFAULTS, false, over);
        assertEquals(over.unclippedGradient(), moving.gradient(), 1e-9);
        assertEquals(over.ratio() * 2, moving.loss(), 1e-9);
    }

    @Test
    void theMinKeepsTheUnclippedTermOutsideTheBoundsOnTheWrongSide() {
        // PPO's pessimistic min: a ratio past a bound on the side that makes the objective worse is not clipped,
        // so the step still undoes it (a max would take the clipped term and give no gradient).
        Row tooLikely = new Row(0, 1.5, -1, 1);
        Row tooUnlikely = new Row(1, 0.5, 1, 1);
        Result penalised = run(DEFAULTS, false, tooLikely);
        assertEquals(tooLikely.unclippedGradient(), penalised.gradient(), 1e-9);
        assertEquals(1.5, penalised.loss(), 1e-9);
        Result restored = run(DEFAULTS, false, tooUnlikely);
        assertEquals(tooUnlikely.unclippedGradient(), restored.gradient(), 1e-9);
        assertEquals(-0.5, restored.loss(), 1e-9);
    }

    @Test
    void theKlTermIsTheCoefficientTimesTheWeightedExactKlToTheReference() {
        double beta = 0.1;
        GrpoSettings s = GrpoSettings.from(Map.of("kl-coef", String.valueOf(beta)));
        Row a = new Row(0, 1.1, 0.7, 0.25);
        Row b = new Row(1, 0.9, -0.4, 0.75);
        // KL(π‖π_ref) = Σ_c π(c)·log(π(c)/π_ref(c)); for logits (θ, 0) its θ-derivative is σ(θ)(1−σ(θ))(θ − θ_ref).
        double p = p0(THETA);
        double q = p0(THETA_REF);
        double kl = p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q));
        double dKl = p * (1 - p) * (THETA - THETA_REF);
        double surrogate = -(a.weight() * a.ratio() * a.advantage() + b.weight() * b.ratio() * b.advantage());
        Result r = run(s, true, a, b);
        // every row sees the same head, and the weights sum to 1, so the weighted KL is the KL itself
        assertEquals(kl, r.kl(), 1e-9);
        assertEquals(surrogate + beta * kl, r.loss(), 1e-9);
        assertEquals(a.unclippedGradient() + b.unclippedGradient() + beta * dKl, r.gradient(), 1e-9);
    }

    @Test
    void aZeroKlCoefficientRemovesTheKlTerm() {
        Row a = new Row(0, 1.1, 0.7, 1);
        Result r = run(DEFAULTS, true, a);
        assertNotEquals(0.0, r.kl(), "the reference differs, so there is a KL to ignore");
        assertEquals(-a.ratio() * a.advantage(), r.loss(), 1e-9);
        assertEquals(a.unclippedGradient(), r.gradient(), 1e-9);
    }
}
