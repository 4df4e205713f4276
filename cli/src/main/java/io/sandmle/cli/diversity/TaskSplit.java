package io.sandmle.cli.diversity;

import io.sandmle.support.SeededOrder;
import java.util.List;

/**
 * A deterministic train/held-out split of task ids: tasks are put in their {@link SeededOrder}, and the
 * first {@code share} of them train. A task keeps its side when other tasks are added or removed, and the order
 * the folders are listed in does not matter.
 *
 * @param train   task ids the best fixed recipe is chosen on
 * @param heldOut task ids it is measured on
 */
public record TaskSplit(List<String> train, List<String> heldOut) {

    /** @throws IllegalArgumentException when fewer than two tasks leave a side empty */
    public static TaskSplit of(List<String> taskIds, double share, long seed) {
        if (taskIds.size() < 2) {
            throw new IllegalArgumentException("--tasks holds " + taskIds.size() + " task folder(s); a train/held-out "
                    + "split needs at least 2.");
        }
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("--train-share must be between 0 and 1 (exclusive), not " + share + ".");
        }
        List<String> ordered = SeededOrder.of(taskIds, seed);
        int train = (int) Math.max(1, Math.min(ordered.size() - 1, Math.round(share * ordered.size())));
        return new TaskSplit(ordered.subList(0, train).stream().sorted().toList(),
                ordered.subList(train, ordered.size()).stream().sorted().toList());
    }

    /**
     * Two folders' tasks: all of the first train, all of the second are held out.
     *
     * @throws IllegalArgumentException when a side is empty or a task id is on both sides
     */
    public static TaskSplit folders(List<String> train, List<String> heldOut) {
        List<String> both = train.stream().filter(heldOut::contains).toList();
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("--tasks and --held-out both hold task " + both.get(0) + "; a held-out "
                    + "task must not be trained on.");
        }
        return new TaskSplit(train.stream().sorted().toList(), heldOut.stream().sorted().toList());
    }
}
