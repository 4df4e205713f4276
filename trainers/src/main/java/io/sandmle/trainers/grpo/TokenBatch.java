package io.sandmle.trainers.grpo;

import io.sandmle.api.TokenLogprob;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.trainers.policy.ChoiceBatch;
import io.sandmle.trainers.policy.EmbeddedPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * The policy's own choices in a set of trajectories, as network rows. Only sampled choices become
 * rows: prompts and tool outputs carry no gradient (SandMLE's tool-output masking). Row weights
 * make the loss a mean over each trajectory's tokens, then a mean over trajectories
 * (verl's {@code seq-mean-token-mean}).
 *
 * @param choices    the rows
 * @param oldLogprob each row's log-probability when it was sampled
 * @param advantage  each row's trajectory advantage
 * @param weight     each row's weight, summing to 1 over the batch
 */
public record TokenBatch(ChoiceBatch choices, float[] oldLogprob, float[] advantage, float[] weight) {

    /** A trajectory and the advantage all of its choices share. */
    public record Scored(Trajectory trajectory, double advantage) {
    }

    public static TokenBatch of(EmbeddedPolicy policy, List<Scored> trajectories) {
        List<ChoiceBatch.Row> rows = new ArrayList<>();
        List<float[]> perRow = new ArrayList<>();
        int kept = 0;
        for (Scored s : trajectories) {
            kept += tokens(s.trajectory()) > 0 ? 1 : 0;
        }
        for (Scored s : trajectories) {
            int count = tokens(s.trajectory());
            for (Turn turn : s.trajectory().turns()) {
                if (turn.response() == null || turn.response().logprobs().isEmpty()) {
                    continue;
                }
                List<TokenLogprob> tokens = turn.response().logprobs();
                rows.addAll(policy.rows(turn.prompt(), turn.responseFormat(), tokens));
                for (TokenLogprob t : tokens) {
                    perRow.add(new float[] {(float) t.logprob(), (float) s.advantage(), 1f / count / kept});
                }
            }
        }
        float[] old = new float[rows.size()];
        float[] adv = new float[rows.size()];
        float[] weight = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            old[i] = perRow.get(i)[0];
            adv[i] = perRow.get(i)[1];
            weight[i] = perRow.get(i)[2];
        }
        return new TokenBatch(ChoiceBatch.of(policy.network().space(), rows), old, adv, weight);
    }

    private static int tokens(Trajectory t) {
        int n = 0;
        for (Turn turn : t.turns()) {
            n += turn.response() == null ? 0 : turn.response().logprobs().size();
        }
        return n;
    }

    public int size() {
        return choices.size();
    }
}
