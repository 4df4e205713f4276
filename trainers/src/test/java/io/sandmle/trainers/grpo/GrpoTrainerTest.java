package io.sandmle.trainers.grpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ResponseFormat;
import io.sandmle.api.TrainingResult;
import io.sandmle.trainers.policy.EmbeddedPolicy;
import io.sandmle.trainers.policy.Head;
import io.sandmle.trainers.policy.PolicyCheckpoint;
import io.sandmle.trainers.sft.SftTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
                java.util.List.of(new io.sandmle.api.TokenLogprob("model=boosting", 0)));
        return Math.exp(policy.network().logProbs(io.sandmle.trainers.policy.ChoiceBatch.of(policy.network().space(), rows))[0]);
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

    @Test
    void sftClonesOnlySuccessfulTrajectories(@TempDir Path dir) throws Exception {
        Map<String, String> s = settings(3);
        s.remove("checkpoint-every");
        s.remove("learning-rate");
        s.put("sft-learning-rate", "0.05");
        ChoiceRewardSession session = new ChoiceRewardSession(t -> t.contains("model=boosting"), s, dir, null);
        TrainingResult result = new SftTrainer().train(session);
        double kept = result.finalMetrics().get("kept_trajectories");
        assertTrue(kept > 0 && kept < 3 * 4 * 8, "kept " + kept);
        EmbeddedPolicy after = new EmbeddedPolicy(PolicyCheckpoint.load(result.finalCheckpoint()).network(), 0, "t");
        assertTrue(boostingProbability(after) > 0.5, "p(boosting) = " + boostingProbability(after));
    }

    @Test
    void maskedTrajectoriesGiveNoGradient(@TempDir Path dir) {
        EmbeddedPolicy policy = EmbeddedPolicy.untrained(2);
        ChoiceRewardSession session = new ChoiceRewardSession(t -> t.contains("model=linear"), settings(1), dir, null);
        java.util.List<io.sandmle.api.RolloutGroup> groups = new java.util.ArrayList<>();
        for (io.sandmle.api.RolloutGroup g : session.rollout(policy, session.trainingTasks(), 8, 3)) {
            java.util.List<io.sandmle.api.Trajectory> timedOut = g.rollouts().stream().map(t -> new io.sandmle.api.Trajectory(
                    1, t.episodeId(), t.taskId(), t.scaffold(), t.policy(), t.seed(), t.turns(), t.finalGrade(),
                    "time_limit", 0)).toList();
            groups.add(new io.sandmle.api.RolloutGroup(g.taskId(), timedOut, g.rewards()));
        }
        float[] before = policy.network().logits(new float[io.sandmle.trainers.policy.FeatureEncoder.SIZE]);
        Map<String, Double> out = GrpoTrainer.update(policy, null, groups, GrpoSettings.from(settings(1)));
        assertEquals(32.0, out.get("masked"));
        assertEquals(0.0, out.get("tokens"));
        assertArrayEquals(before, policy.network().logits(new float[io.sandmle.trainers.policy.FeatureEncoder.SIZE]));
    }
}
