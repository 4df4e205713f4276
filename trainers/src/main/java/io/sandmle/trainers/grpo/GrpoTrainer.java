package io.sandmle.trainers.grpo;

import ai.djl.ndarray.NDArray;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.Task;
import io.sandmle.api.Trainer;
import io.sandmle.api.TrainingResult;
import io.sandmle.api.TrainingSession;
import io.sandmle.trainers.policy.EmbeddedPolicy;
import io.sandmle.trainers.policy.PolicyCheckpoint;
import io.sandmle.trainers.policy.PolicyNetwork;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code grpo}: trajectory-wise GRPO for the embedded policy (sandmle.md §5.1). Every step rolls
 * out G fresh episodes per task with the current policy, normalises rewards within each group,
 * and takes the clipped-surrogate step (clip 0.2 / 0.28) on the policy's own choices, optionally
 * with a KL penalty to the starting policy. Timed-out episodes are masked from the loss.
 * Checkpoints every K steps and at the end; a resumed run continues from its checkpoint's step.
 */
public final class GrpoTrainer implements Trainer {

    @Override
    public TrainingResult train(TrainingSession session) throws Exception {
        GrpoSettings s = GrpoSettings.from(session.settings());
        StartingPolicy start = StartingPolicy.open(session, "embedded@grpo", s);
        EmbeddedPolicy policy = start.policy();
        PolicyNetwork reference = s.klCoef() > 0 ? policy.network().copy() : null;
        Map<String, Double> metrics = Map.of();
        Path last = session.resumeFrom().orElse(null);
        for (int step = start.doneSteps() + 1; step <= s.steps(); step++) {
            long t0 = System.nanoTime();
            List<Task> batch = batchFor(session.trainingTasks(), s, step);
            List<RolloutGroup> groups = session.rollout(policy, batch, s.groupSize(), GrpoTrainer.stepSeed(s, step));
            long t1 = System.nanoTime();
            Map<String, Double> update = update(policy, reference, groups, s);
            long t2 = System.nanoTime();
            metrics = new LinkedHashMap<>(RolloutStats.of(groups));
            metrics.putAll(update);
            metrics.put("rollout_seconds", (t1 - t0) / 1e9);
            metrics.put("update_seconds", (t2 - t1) / 1e9);
            metrics.put("step_seconds", (t2 - t0) / 1e9);
            session.logMetrics(step, metrics);
            if (step % s.checkpointEvery() == 0 || step == s.steps()) {
                last = session.checkpointDir().resolve(String.format("step-%04d", step));
                new PolicyCheckpoint(step, s.seed(), "grpo", metrics).save(policy.network(), last);
            }
        }
        return new TrainingResult(last, s.steps(), metrics);
    }

    /**
     * The rollout seed of a step. Engines give a group's episodes consecutive seeds from it, so steps
     * are spaced far apart to keep every episode seed of a run distinct.
     */
    public static long stepSeed(GrpoSettings s, int step) {
        return (s.seed() * 7919 + step) * 100_003L;
    }

    /** The step's tasks: consecutive slices of a per-epoch shuffle of the training tasks. */
    public static List<Task> batchFor(List<Task> tasks, GrpoSettings s, int step) {
        int per = Math.min(s.tasksPerStep(), tasks.size());
        long first = (long) (step - 1) * per;
        List<Task> out = new ArrayList<>();
        for (long i = first; i < first + per; i++) {
            int epoch = (int) (i / tasks.size());
            List<Task> order = new ArrayList<>(tasks);
            Collections.shuffle(order, new Random(s.seed() * 31 + epoch));
            out.add(order.get((int) (i % tasks.size())));
        }
        return out;
    }

    /** One GRPO update over a step's groups; returns loss, entropy, clip fraction and mask counts. */
    static Map<String, Double> update(EmbeddedPolicy policy, PolicyNetwork reference, List<RolloutGroup> groups,
                                      GrpoSettings s) {
        List<TokenBatch.Scored> scored = new ArrayList<>();
        int masked = 0;
        for (RolloutGroup g : groups) {
            double[] advantages = GroupAdvantages.of(g);
            for (int i = 0; i < g.rollouts().size(); i++) {
                if (TimeoutMask.masked(g.rollouts().get(i))) {
                    masked++;
                } else {
                    scored.add(new TokenBatch.Scored(g.rollouts().get(i), advantages[i]));
                }
            }
        }
        TokenBatch batch = TokenBatch.of(policy, scored);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("masked", (double) masked);
        out.put("tokens", (double) batch.size());
        if (batch.size() == 0) {
            return out;
        }
        float[][] refLogSoftmax = reference == null ? null : reference.headLogSoftmax(batch.choices());
        double[] observed = new double[3];
        double loss = 0;
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            loss = policy.network().step(batch.choices(), o -> {
                NDArray ref = reference == null ? null
                        : o.scope().create(flatten(refLogSoftmax)).reshape(o.logSoftmax().getShape());
                GrpoLoss l = GrpoLoss.of(o, o.scope().create(batch.oldLogprob()), o.scope().create(batch.advantage()),
                        o.scope().create(batch.weight()), ref, s);
                observed[0] = l.entropy().getFloat();
                observed[1] = l.clipFraction().getFloat();
                if (l.kl() != null) {
                    observed[2] = l.kl().getFloat();
                }
                return l.objective();
            }, s.learningRate());
        }
        out.put("loss", loss);
        out.put("entropy", observed[0]);
        out.put("clip_fraction", observed[1]);
        if (reference != null) {
            out.put("kl", observed[2]);
        }
        return out;
    }

    private static float[] flatten(float[][] rows) {
        int k = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * k];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * k, k);
        }
        return flat;
    }
}
