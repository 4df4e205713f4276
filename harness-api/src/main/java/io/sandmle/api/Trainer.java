package io.sandmle.api;

/** Improves a policy from its rollouts: GRPO, SFT, or an external trainer command. */
public interface Trainer {

    /** Runs training to completion (or to the configured number of steps), checkpointing as it goes. */
    TrainingResult train(TrainingSession session) throws Exception;
}
