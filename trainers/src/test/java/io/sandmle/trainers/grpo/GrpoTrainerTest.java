package io.sandmle.trainers.grpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Reward;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.TokenLogprob;
import io.sandmle.api.TrainingResult;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.trainers.policy.ChoiceBatch;
import io.sandmle.trainers.policy.EmbeddedPolicy;
import io.sandmle.trainers.policy.Head;
import io.sandmle.trainers.policy.PolicyCheckpoint;
import io.sandmle.trainers.sft.SftTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrpoTrainerTest {

    private static Map<String, String> settings(int steps) {
        Map<String, String> s = new HashMap<>();
        s.put("steps", String.valueOf(steps));
        s.put("tasks-per-step", "4");
        s.put("group-size", "8");
        s.put("checkpoint-every", "5");
        s.put("learning-rate", "0.05");
        return s;
    }

    /** Probability the policy gives {@code model=boosting} on the fake prompt. */
    private static double boostingProbability(EmbeddedPolicy policy) {
        var rows = policy.rows(ChoiceRewardSession.prompt("t0"), ResponseFormat.REACT,
                List.of(new TokenLogprob("model=boosting", 0)));
        return Math.exp(policy.network().logProbs(ChoiceBatch.of(policy.network().space(), rows))[0]);
    }

    @Test
    void grpoRaisesTheProbabilityOfRewardedChoicesAndLogsCurves(@TempDir Path dir) throws Exception {
        ChoiceRewardSession session = new ChoiceRewardSession(t -> t.contains("model=boosting"), settings(20), dir,
                null);
        TrainingResult result = new GrpoTrainer().train(session);
        EmbeddedPolicy trained = new EmbeddedPolicy(PolicyCheckpoint.load(result.finalCheckpoint()).network(), 0, "t");
        double before = 1.0 / trained.network().space().options(Head.MODEL).size();
        assertTrue(boostingProbability(trained) > 0.6, "p(boosting) = " + boostingProbability(trained));
        assertEquals(20, session.logged.size());
        double firstReward = session.logged.get(0).get("reward");
        double lastReward = session.logged.get(19).get("reward");
        assertTrue(lastReward > firstReward + 0.3, firstReward + " -> " + lastReward);
        assertTrue(Math.abs(firstReward - before) < 0.15, "the untrained policy is near uniform: " + firstReward);
        assertTrue(session.logged.get(19).get("entropy") < session.logged.get(0).get("entropy"));
        assertTrue(Files.exists(dir.resolve("step-0005").resolve("network.params")));
    }

    @Test
    void resumingContinuesFromTheCheckpointStep(@TempDir Path dir) throws Exception {
        new GrpoTrainer().train(new ChoiceRewardSession(t -> t.contains("model=forest"), settings(5), dir, null));
        ChoiceRewardSession resumed = new ChoiceRewardSession(t -> t.contains("model=forest"), settings(8), dir,
                dir.resolve("step-0005"));
        TrainingResult result = new GrpoTrainer().train(resumed);
        assertEquals(3, resumed.logged.size(), "only steps 6..8 run after resuming from step 5");
        assertEquals(8, PolicyCheckpoint.load(result.finalCheckpoint()).checkpoint().step());
    }

    private static Map<String, String> sftSettings() {
        Map<String, String> s = settings(3);
        s.remove("checkpoint-every");
        s.remove("learning-rate");
        s.put("sft-learning-rate", "0.05");
        return s;
    }

    @Test
    void sftClonesOnlySuccessfulTrajectories(@TempDir Path dir) throws Exception {
        Map<String, String> s = sftSettings();
        s.put("sft-validation", "0");
        s.put("sft-epochs", "100");
        ChoiceRewardSession session = new ChoiceRewardSession(t -> t.contains("model=boosting"), s, dir, null);
        TrainingResult result = new SftTrainer().train(session);
        double kept = result.finalMetrics().get("kept_trajectories");
        assertTrue(kept > 0 && kept < 3 * 4 * 8, "kept " + kept);
        EmbeddedPolicy after = new EmbeddedPolicy(PolicyCheckpoint.load(result.finalCheckpoint()).network(), 0, "t");
        assertTrue(boostingProbability(after) > 0.5, "p(boosting) = " + boostingProbability(after));
        assertEquals(100.0, result.finalMetrics().get("stopped_epoch"), "no validation split: every epoch runs");
        assertFalse(result.finalMetrics().containsKey("validation_nll"));
    }

    @Test
    void sftStopsWhenItsHeldOutTasksStopImproving(@TempDir Path dir) throws Exception {
        ChoiceRewardSession session = new ChoiceRewardSession(t -> t.contains("model=boosting"), sftSettings(), dir,
                null);
        Map<String, Double> m = new SftTrainer().train(session).finalMetrics();
        // A fifth of the four tasks, rounded up to one, is held out; the default patience is 20 epochs.
        assertTrue(m.get("validation_choices") > 0 && m.get("train_choices") > 0, m.toString());
        assertEquals(m.get("best_epoch") + 20, m.get("stopped_epoch"), m.toString());
        assertTrue(m.get("validation_nll") <= m.get("start_validation_nll"), m.toString());
        assertEquals(3 + m.get("stopped_epoch").intValue() + 1, session.logged.size(), "one point per epoch");
        assertTrue(session.logged.get(3).containsKey("validation_nll") && session.logged.get(3).containsKey("train_nll"));
    }

    /** A copy of {@code t} with other turns and end reason ({@code time_limit} and {@code model_error} are masked). */
    private static Trajectory rebuilt(Trajectory t, List<Turn> turns, String endReason) {
        return new Trajectory(1, t.episodeId(), t.taskId(), t.scaffold(), t.policy(), t.seed(), turns, t.finalGrade(),
                endReason, 0);
    }

    private static RolloutGroup group(List<Trajectory> rollouts, double... rewards) {
        return new RolloutGroup("t0", rollouts, Arrays.stream(rewards).mapToObj(r -> new Reward(r, Map.of())).toList());
    }

    /** Four fresh rollouts of task t0 from {@code policy}, each one ReAct turn of recipe choices. */
    private static List<Trajectory> rollouts(EmbeddedPolicy policy, Path dir) {
        ChoiceRewardSession session = new ChoiceRewardSession(t -> false, settings(1), dir, null);
        return session.rollout(policy, session.trainingTasks().subList(0, 1), 4, 3).get(0).rollouts();
    }

    /** Every logit of the policy on the fake task's prompt. */
    private static float[] promptLogits(EmbeddedPolicy policy) {
        var rows = policy.rows(ChoiceRewardSession.prompt("t0"), ResponseFormat.REACT,
                List.of(new TokenLogprob("model=linear", 0)));
        return policy.network().logits(rows.get(0).features());
    }

    @Test
    void theLossAveragesEachUnmaskedTrajectorysTokensThenTheTrajectories(@TempDir Path dir) {
        EmbeddedPolicy policy = EmbeddedPolicy.untrained(2);
        List<Trajectory> r = rollouts(policy, dir);
        Trajectory twice = rebuilt(r.get(0), List.of(r.get(0).turns().get(0), r.get(0).turns().get(0)), "answered");
        Trajectory timedOut = rebuilt(r.get(3), r.get(3).turns(), "time_limit");
        RolloutGroup g = group(List.of(twice, r.get(1), r.get(2), timedOut), 1, 0, 0, 1);
        Map<String, Double> out = GrpoTrainer.update(policy, null, List.of(g), GrpoSettings.from(Map.of("epochs", "1")));
        // The masked rollout still counts in the group's statistics: rewards 1,0,0,1 give advantages ±0.5/sqrt(1/3).
        // With ratio 1 (one pass, no step yet) the loss is minus the mean advantage of the three unmasked rollouts,
        // whatever their token counts (the first has twice the tokens of the others).
        double a = 0.5 / Math.sqrt(1.0 / 3);
        assertEquals(-(a - a - a) / 3, out.get("loss"), 1e-5);
        assertEquals(1.0, out.get("masked"));
        int tokens = r.get(0).turns().get(0).response().logprobs().size();
        assertEquals(4.0 * tokens, out.get("tokens"), "two turns of the first rollout, one of the second and third");
    }

    @Test
    void maskedTrajectoriesContributeNothingWhileTheRestStillMove(@TempDir Path dir) {
        EmbeddedPolicy policy = EmbeddedPolicy.untrained(2);
        EmbeddedPolicy unmaskedOnly = EmbeddedPolicy.untrained(2);
        float[] before = promptLogits(policy);
        List<Trajectory> r = rollouts(policy, dir);
        // The masked rewards 0.5 ± sqrt(0.5) keep the group's mean (0.5) and unbiased std (sqrt(0.5)), so the two
        // unmasked rollouts get the same advantages with or without them.
        double spread = Math.sqrt(0.5);
        RolloutGroup withMasked = group(List.of(r.get(0), r.get(1), rebuilt(r.get(2), r.get(2).turns(), "time_limit"),
                rebuilt(r.get(3), r.get(3).turns(), "model_error")), 1, 0, 0.5 + spread, 0.5 - spread);
        RolloutGroup without = group(List.of(r.get(0), r.get(1)), 1, 0);
        GrpoSettings s = GrpoSettings.from(Map.of());
        Map<String, Double> out = GrpoTrainer.update(policy, null, List.of(withMasked), s);
        GrpoTrainer.update(unmaskedOnly, null, List.of(without), s);
        float[] after = promptLogits(policy);
        assertArrayEquals(promptLogits(unmaskedOnly), after, 1e-6f);
        assertEquals(2.0, out.get("masked"));
        double moved = 0;
        for (int i = 0; i < after.length; i++) {
            moved = Math.max(moved, Math.abs(after[i] - before[i]));
        }
        assertTrue(moved > 1e-2, "the unmasked rollouts move the policy: " + moved);
    }
}
