package io.sandmle.trainers.grpo;

import io.sandmle.api.TrainingSession;
import io.sandmle.trainers.policy.ActionSpace;
import io.sandmle.trainers.policy.EmbeddedPolicy;
import io.sandmle.trainers.policy.FeatureEncoder;
import io.sandmle.trainers.policy.PolicyCheckpoint;
import io.sandmle.trainers.policy.PolicyNetwork;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The policy a trainer starts from: the checkpoint the session resumes from, else the
 * {@code init-checkpoint} setting (each keeps the action space it was trained over), else a fresh untrained
 * network over the honest action space, or over the one with the deliberate traps when the trainer's {@code traps}
 * setting asks for it.
 *
 * @param policy     the policy to train
 * @param doneSteps  steps already done (the resumed checkpoint's step, else 0)
 */
public record StartingPolicy(EmbeddedPolicy policy, int doneSteps) {

    public static StartingPolicy open(TrainingSession session, String name, GrpoSettings fresh) throws IOException {
        long seed = fresh.seed();
        if (session.resumeFrom().isPresent()) {
            PolicyCheckpoint.Loaded loaded = PolicyCheckpoint.load(session.resumeFrom().get());
            return new StartingPolicy(new EmbeddedPolicy(loaded.network(), seed, name), loaded.checkpoint().step());
        }
        String init = session.settings().get("init-checkpoint");
        if (init != null && !init.isBlank()) {
            PolicyCheckpoint.Loaded loaded = PolicyCheckpoint.load(Path.of(init));
            return new StartingPolicy(new EmbeddedPolicy(loaded.network(), seed, name), 0);
        }
        return new StartingPolicy(new EmbeddedPolicy(PolicyNetwork.create(ActionSpace.of(fresh.traps()),
                FeatureEncoder.SIZE, fresh.hidden(), seed), seed, name), 0);
    }
}
