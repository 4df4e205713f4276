package io.sandmle.trainers.sft;

import io.sandmle.api.Trajectory;
import io.sandmle.trainers.grpo.TokenBatch;
import io.sandmle.trainers.policy.ChoiceBatch;
import io.sandmle.trainers.policy.EmbeddedPolicy;
import io.sandmle.trainers.policy.PolicyNetwork;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Clones kept trajectories into a policy: their {@link SuccessfulTurns}, split by task ({@link ValidationSplit}), fitted
 * to convergence on the held-out tasks ({@link ConvergentFit}). Whoever chose the trajectories (the policy's own
 * medal rollouts, or another source) hands them in here.
 */
public final class BehaviourCloning {

    private BehaviourCloning() {
    }

    /**
     * What cloning produced.
     *
     * @param network the cloned network (the policy's own when nothing was cloned)
     * @param metrics turns cloned and dropped, rows per side, and the fit's figures ({@link ConvergentFit.Result})
     * @param epochs  the epochs trained (0 when there was nothing to clone)
     */
    public record Outcome(PolicyNetwork network, Map<String, Double> metrics, int epochs) {
    }

    /**
     * @param kept     the trajectories to clone, each a success
     * @param seed     seeds the task split
     * @param perEpoch receives each epoch's number and figures, for the learning curves
     */
    public static Outcome clone(EmbeddedPolicy policy, List<Trajectory> kept, SftSettings sft, long seed,
                                BiConsumer<Integer, Map<String, Double>> perEpoch) {
        List<Trajectory> successful = kept.stream().map(SuccessfulTurns::of).toList();
        ValidationSplit split = ValidationSplit.of(successful, sft.validation(), seed);
        if (split.why() != null) {
            System.err.println("sandmle: " + split.why() + ".");
        }
        ChoiceBatch train = rows(policy, split.train());
        ChoiceBatch validation = rows(policy, split.validation());
        Map<String, Double> metrics = new LinkedHashMap<>();
        int cloned = turns(successful);
        metrics.put("cloned_turns", (double) cloned);
        metrics.put("dropped_turns", (double) (turns(kept) - cloned));
        metrics.put("train_choices", (double) train.size());
        metrics.put("validation_choices", (double) validation.size());
        if (train.size() == 0) {
            return new Outcome(policy.network(), metrics, 0);
        }
        ConvergentFit.Result fit = new ConvergentFit(sft.epochs(), sft.patience(), sft.learningRate())
                .fit(policy.network(), train, validation, perEpoch);
        metrics.putAll(fit.metrics());
        return new Outcome(fit.network(), metrics, fit.stoppedEpoch());
    }

    /** The policy's choice rows in {@code trajectories}, every choice weighing the same. */
    private static ChoiceBatch rows(EmbeddedPolicy policy, List<Trajectory> trajectories) {
        return TokenBatch.of(policy, trajectories.stream().map(t -> new TokenBatch.Scored(t, 1.0)).toList()).choices();
    }

    private static int turns(List<Trajectory> trajectories) {
        return trajectories.stream().mapToInt(t -> t.turns().size()).sum();
    }
}
