package io.sandmle.trainers.sft;

import io.sandmle.api.Grade;
import io.sandmle.api.Reward;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.Task;
import io.sandmle.api.TrainingSession;
import io.sandmle.api.Trajectory;
import io.sandmle.trainers.grpo.GrpoSettings;
import io.sandmle.trainers.grpo.GrpoTrainer;
import io.sandmle.trainers.policy.ActionSpace;
import io.sandmle.trainers.policy.EmbeddedPolicy;
import io.sandmle.trainers.policy.Head;
import io.sandmle.trainers.policy.Recipe;
import io.sandmle.trainers.reward.MilestoneReward;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The offline expert whose trajectories the {@code sft} trainer clones with {@code source: expert} (the paper's SFT
 * clones a stronger model's trajectories): on every task visit of GRPO's schedule it searches recipes in the sandbox
 * and returns the best-graded trajectory.
 *
 * <p><b>Budget.</b> A GRPO visit rolls out {@code group-size} episodes of the task; the expert plays
 * {@code group-size} candidate recipes on it, one episode each (a {@link EmbeddedPolicy#playing fixed-recipe}
 * policy, under the same scaffold and turn budget), so it spends the same number of sandbox episodes:
 * {@code steps × tasks-per-step × group-size}. The candidates of step {@code k} are {@code group-size} distinct
 * recipes drawn uniformly, head by head, from the starting network's action space (the honest one unless
 * {@code traps: true}) with a generator seeded by the trainer's {@code seed} and {@code k}; every task of the step
 * tries the same candidates, so each candidate is one {@code session.rollout} over the step's tasks, which runs them
 * in parallel. (On a classification task two candidates that differ only in {@code target} render the same code.)
 */
public final class ExpertSearch {

    /** The policy name the expert's episodes are recorded under. */
    public static final String POLICY_ID = "embedded@expert";

    /** The higher medal, then the better score; {@code max} keeps the first of equals, the earlier candidate. */
    private static final Comparator<Trajectory> BY_GRADE = Comparator
            .<Trajectory>comparingInt(t -> MilestoneReward.medalOf(t.finalGrade()).ordinal())
            .thenComparingDouble(t -> {
                Grade g = t.finalGrade();
                return g.lowerIsBetter() ? -g.score() : g.score();
            });

    private final TrainingSession session;
    private final EmbeddedPolicy policy;
    private final GrpoSettings schedule;

    /**
     * @param policy   the policy being trained: its network only scores the fixed choices' tokens, and the search
     *                 does not change it
     * @param schedule GRPO's rollout schedule (group size, seed)
     */
    public ExpertSearch(TrainingSession session, EmbeddedPolicy policy, GrpoSettings schedule) {
        this.session = session;
        this.policy = policy;
        this.schedule = schedule;
    }

    /**
     * One step's search.
     *
     * @param groups per task, every candidate's trajectory in candidate order (for the learning curves)
     * @param best   per task whose search made a valid submission, its best-graded trajectory
     */
    public record Visits(List<RolloutGroup> groups, List<Trajectory> best) {

        /** Share of the visits whose best trajectory earned a medal. */
        public double medalRate() {
            long medals = best.stream().filter(t -> MilestoneReward.medalOf(t.finalGrade()).any()).count();
            return groups.isEmpty() ? 0 : (double) medals / groups.size();
        }
    }

    /** Plays step {@code step}'s candidate recipes on each task of {@code batch}. */
    public Visits search(List<Task> batch, int step) {
        List<Recipe> candidates = candidates(policy.network().space(), step);
        long seed = GrpoTrainer.stepSeed(schedule, step);
        List<List<RolloutGroup>> byCandidate = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            // GRPO's group seeds: every expert episode of a run gets its own id, and a resumed run finds it again.
            byCandidate.add(session.rollout(policy.playing(candidates.get(c), POLICY_ID), batch, 1, seed + c));
        }
        List<RolloutGroup> groups = new ArrayList<>();
        List<Trajectory> best = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            List<Trajectory> rollouts = new ArrayList<>();
            List<Reward> rewards = new ArrayList<>();
            for (List<RolloutGroup> candidate : byCandidate) {
                rollouts.add(candidate.get(i).rollouts().get(0));
                rewards.add(candidate.get(i).rewards().get(0));
            }
            groups.add(new RolloutGroup(batch.get(i).id(), rollouts, rewards));
            rollouts.stream().filter(t -> t.finalGrade() != null && t.finalGrade().valid())
                    .max(BY_GRADE).ifPresent(best::add);
        }
        return new Visits(groups, best);
    }

    /** {@code group-size} distinct recipes of the space, the same for every run with this seed and step. */
    List<Recipe> candidates(ActionSpace space, int step) {
        SplittableRandom random = new SplittableRandom(schedule.seed() * 1_000_003L + step);
        Set<Recipe> drawn = new LinkedHashSet<>();
        // Far more distinct recipes exist than any group size; the bound only guards a tiny hand-made space.
        for (int tries = 0; drawn.size() < schedule.groupSize() && tries < 100 * schedule.groupSize(); tries++) {
            Map<Head, String> choices = new EnumMap<>(Head.class);
            for (Head h : Head.recipeHeads()) {
                List<String> options = space.options(h);
                choices.put(h, options.get(random.nextInt(options.size())));
            }
            drawn.add(new Recipe(choices));
        }
        return List.copyOf(drawn);
    }
}
