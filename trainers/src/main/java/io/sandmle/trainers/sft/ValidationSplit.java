package io.sandmle.trainers.sft;

import io.sandmle.api.Trajectory;
import io.sandmle.support.SeededOrder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The kept trajectories split into training and validation by task, in the tasks' {@link SeededOrder}: all
 * rollouts of one task fall on the same side. A task's rollouts share its prompt features and mostly its recipe,
 * so splitting trajectories would put near copies of training rows into validation, whose loss would then fall with
 * the training loss and never show over-fitting; held-out tasks measure what the evaluation measures, choices on
 * tasks not trained on.
 *
 * @param train      the trajectories trained on
 * @param validation the held-out trajectories (empty when there is no split)
 * @param why        one sentence when a split was asked for but could not be made, else {@code null}
 */
public record ValidationSplit(List<Trajectory> train, List<Trajectory> validation, String why) {

    /**
     * Holds out {@code fraction} of the distinct tasks (rounded, at least one, never all). With fewer than two
     * tasks there is nothing to hold out: everything trains and {@link #why} says so.
     */
    public static ValidationSplit of(List<Trajectory> kept, double fraction, long seed) {
        Set<String> taskIds = new HashSet<>();
        kept.forEach(t -> taskIds.add(t.taskId()));
        if (fraction == 0) {
            return new ValidationSplit(kept, List.of(), null);
        }
        if (taskIds.size() < 2) {
            return new ValidationSplit(kept, List.of(), "sft kept " + kept.size() + " trajectories from " + taskIds.size()
                    + " task(s), too few to hold out a validation task, so it trains on all of them for sft-epochs "
                    + "epochs without early stopping");
        }
        List<String> order = SeededOrder.of(taskIds, seed);
        int held = (int) Math.min(order.size() - 1, Math.max(1, Math.round(fraction * order.size())));
        Set<String> heldOut = Set.copyOf(order.subList(0, held));
        List<Trajectory> train = new ArrayList<>();
        List<Trajectory> validation = new ArrayList<>();
        for (Trajectory t : kept) {
            (heldOut.contains(t.taskId()) ? validation : train).add(t);
        }
        return new ValidationSplit(List.copyOf(train), List.copyOf(validation), null);
    }
}
