package io.sandmle.cli.diversity;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Collectors;

/**
 * Issue 14's question: does one task-independent recipe medal as often as the per-task best? The best single fixed
 * recipe is chosen on the train tasks (medal rate, then medal tiers, then grid order) and measured, with the
 * per-task best (the oracle), on the held-out tasks.
 *
 * @param split             which tasks train and which are held out
 * @param bestFixed         grid index of the best fixed recipe
 * @param fixedTrainRate    its medal rate on the train tasks
 * @param fixedHeldOutRate  its medal rate on the held-out tasks
 * @param oracleHeldOutRate share of held-out tasks on which some recipe medals
 * @param distinctBest      how many different recipes are the per-task best over the held-out tasks
 */
public record RecipeDiversity(TaskSplit split, int bestFixed, double fixedTrainRate, double fixedHeldOutRate,
                              double oracleHeldOutRate, int distinctBest) {

    /** The target: the best fixed recipe medals on at most this share of held-out tasks … */
    public static final double TARGET_FIXED_AT_MOST = 0.60;
    /** … where the per-task best medals on at least this share. */
    public static final double TARGET_ORACLE_AT_LEAST = 0.90;

    public static RecipeDiversity measure(List<TaskTrials> tasks, int recipes, TaskSplit split) {
        Map<String, TaskTrials> byId = tasks.stream().collect(Collectors.toMap(TaskTrials::taskId, Function.identity()));
        List<TaskTrials> train = split.train().stream().map(byId::get).toList();
        List<TaskTrials> heldOut = split.heldOut().stream().map(byId::get).toList();
        Comparator<Integer> onTrain = Comparator.<Integer>comparingDouble(r -> medalRate(train, r))
                .thenComparingDouble(r -> tiers(train, r))
                .thenComparing(Comparator.<Integer>reverseOrder()); // earlier in the grid wins a full tie
        int fixed = IntStream.range(0, recipes).boxed().max(onTrain).orElseThrow();
        Set<Integer> distinct = new LinkedHashSet<>();
        long oracleMedals = 0;
        for (TaskTrials t : heldOut) {
            int best = t.best();
            if (best >= 0) {
                distinct.add(best);
                oracleMedals += t.of(best).medal().any() ? 1 : 0;
            }
        }
        return new RecipeDiversity(split, fixed, medalRate(train, fixed), medalRate(heldOut, fixed),
                (double) oracleMedals / heldOut.size(), distinct.size());
    }

    public boolean meetsTarget() {
        return fixedHeldOutRate <= TARGET_FIXED_AT_MOST && oracleHeldOutRate >= TARGET_ORACLE_AT_LEAST;
    }

    private static double medalRate(List<TaskTrials> tasks, int recipe) {
        return tasks.stream().filter(t -> t.of(recipe).medal().any()).count() / (double) tasks.size();
    }

    /** Bronze 1, silver 2, gold 3, summed: breaks ties between recipes with the same medal rate. */
    private static double tiers(List<TaskTrials> tasks, int recipe) {
        return tasks.stream().mapToInt(t -> t.of(recipe).medal().ordinal()).sum();
    }
}
