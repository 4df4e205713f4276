package io.sandmle.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the runner hands a {@link Trainer}: the tasks, a way to collect fresh rollouts, the reward,
 * where to checkpoint and where to log learning curves.
 */
public interface TrainingSession {

    /** Tasks to train on. */
    List<Task> trainingTasks();

    /** The trainer's config keys (group size, learning rate, steps …). */
    Map<String, String> settings();

    /** The reward to optimise. */
    RewardFunction reward();

    /** Runs {@code groupSize} fresh episodes of {@code policy} on each task; one group per task. */
    List<RolloutGroup> rollout(LanguageModel policy, List<Task> tasks, int groupSize, long seed);

    /** Folder for checkpoints. */
    Path checkpointDir();

    /** The checkpoint to resume from, when the user asked to resume. */
    Optional<Path> resumeFrom();

    /** Records one point of each learning curve (reward, valid rate, entropy …) for step {@code step}. */
    void logMetrics(int step, Map<String, Double> metrics);

    /**
     * The policy the experiment configured (e.g. an OpenAI-compatible endpoint), for trainers that
     * train a model they do not own, such as the {@code external} trainer. Empty when the trainer
     * brings its own policy (the embedded one).
     */
    default Optional<LanguageModel> policy() {
        return Optional.empty();
    }
}
