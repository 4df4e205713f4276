package io.sandmle.trainers.sft;

import io.sandmle.api.RolloutGroup;
import io.sandmle.api.Task;
import io.sandmle.api.Trainer;
import io.sandmle.api.TrainingResult;
import io.sandmle.api.TrainingSession;
import io.sandmle.api.Trajectory;
import io.sandmle.trainers.grpo.GrpoSettings;
import io.sandmle.trainers.grpo.GrpoTrainer;
import io.sandmle.trainers.grpo.RolloutStats;
import io.sandmle.trainers.grpo.StartingPolicy;
import io.sandmle.trainers.policy.EmbeddedPolicy;
import io.sandmle.trainers.policy.PolicyCheckpoint;
import io.sandmle.trainers.reward.MilestoneReward;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sft}: the paper's behaviour-cloning baseline, in its fair offline form. It gathers as
 * many rollouts of the starting policy as a GRPO run with the same settings would make
 * ({@code steps × tasks-per-step × group-size}, on the same training tasks, same task order),
 * keeps the successful ones (a medal; {@code keep: valid} keeps every valid submission), and
 * maximises the log-likelihood of the choices in their {@link SuccessfulTurns} until the held-out tasks of a
 * {@link ValidationSplit} stop improving ({@link BehaviourCloning}, {@link ConvergentFit}; {@link SftSettings}). The
 * checkpoint holds the best validation epoch's network.
 * With {@code source: expert} the trajectories come instead from an offline expert that spends the same sandbox
 * budget searching recipes on each task visit ({@link ExpertSearch}); the best-graded one per visit is kept when it
 * is successful.
 */
public final class SftTrainer implements Trainer {

    @Override
    public TrainingResult train(TrainingSession session) throws Exception {
        SftSettings sft = SftSettings.from(session.settings());
        GrpoSettings s = sft.rollouts();
        EmbeddedPolicy policy = StartingPolicy.open(session, "embedded@sft", s).policy();
        List<Trajectory> kept = new ArrayList<>();
        List<RolloutGroup> all = new ArrayList<>();
        ExpertSearch expert = sft.source() == SftSettings.Source.EXPERT ? new ExpertSearch(session, policy, s) : null;
        for (int step = 1; step <= s.steps(); step++) {
            List<Task> batch = GrpoTrainer.batchFor(session.trainingTasks(), s, step);
            ExpertSearch.Visits visits = expert == null ? null : expert.search(batch, step);
            List<RolloutGroup> groups = visits != null ? visits.groups()
                    : session.rollout(policy, batch, s.groupSize(), GrpoTrainer.stepSeed(s, step));
            // The expert offers its best trajectory per visit; the own policy offers every rollout.
            List<Trajectory> candidates = visits != null ? visits.best()
                    : groups.stream().flatMap(g -> g.rollouts().stream()).toList();
            all.addAll(groups);
            candidates.stream().filter(t -> successful(t, sft.keepValid())).forEach(kept::add);
            Map<String, Double> gathered = new LinkedHashMap<>(RolloutStats.of(groups));
            gathered.put("kept_trajectories", (double) kept.size());
            if (visits != null) {
                gathered.put("expert_medal_rate", visits.medalRate());
            }
            session.logMetrics(step, gathered);
        }
        BehaviourCloning.Outcome cloned = BehaviourCloning.clone(policy, kept, sft, s.seed(),
                (epoch, figures) -> session.logMetrics(s.steps() + epoch, figures));
        Map<String, Double> metrics = new LinkedHashMap<>(RolloutStats.of(all));
        metrics.put("kept_trajectories", (double) kept.size());
        metrics.putAll(cloned.metrics());
        session.logMetrics(s.steps() + cloned.epochs() + 1, metrics);
        Path dir = session.checkpointDir().resolve("sft-final");
        new PolicyCheckpoint(s.steps(), s.seed(), "sft", metrics).save(cloned.network(), dir);
        return new TrainingResult(dir, s.steps(), metrics);
    }

    private static boolean successful(Trajectory t, boolean keepValid) {
        if (t.finalGrade() == null || !t.finalGrade().valid()) {
            return false;
        }
        return keepValid || MilestoneReward.medalOf(t.finalGrade()).any();
    }

}
