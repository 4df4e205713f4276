package io.sandmle.runner.run;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.RewardFunction;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.Task;
import io.sandmle.api.TrainingSession;
import io.sandmle.runner.rollout.TrainingRollouts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A training session over the runner's rollout engine: rollouts run as sandboxed episodes into a run store
 * ({@link TrainingRollouts}), learning curves are kept as {@link CurvePoint}s for the report.
 */
public final class RunnerTrainingSession implements TrainingSession {

    private final List<Task> tasks;
    private final Map<String, String> settings;
    private final RewardFunction reward;
    private final TrainingRollouts rollouts;
    private final Path checkpointDir;
    private final String runId;
    private final String system;
    private final BiConsumer<Integer, Map<String, Double>> stepDone;
    private final List<CurvePoint> curves = new ArrayList<>();

    /**
     * @param system   the name the curves are reported under
     * @param stepDone told each finished step and its metrics (for progress)
     */
    public RunnerTrainingSession(List<Task> tasks, Map<String, String> settings, RewardFunction reward,
                                 TrainingRollouts rollouts, Path checkpointDir, String runId, String system,
                                 BiConsumer<Integer, Map<String, Double>> stepDone) {
        this.tasks = List.copyOf(tasks);
        this.settings = Map.copyOf(settings);
        this.reward = reward;
        this.rollouts = rollouts;
        this.checkpointDir = checkpointDir;
        this.runId = runId;
        this.system = system;
        this.stepDone = stepDone;
    }

    @Override
    public List<Task> trainingTasks() {
        return tasks;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public RewardFunction reward() {
        return reward;
    }

    @Override
    public List<RolloutGroup> rollout(LanguageModel policy, List<Task> batch, int groupSize, long seed) {
        return rollouts.rollout(policy, batch, groupSize, seed);
    }

    @Override
    public Path checkpointDir() {
        return checkpointDir;
    }

    @Override
    public Optional<Path> resumeFrom() {
        return Optional.empty();
    }

    @Override
    public synchronized void logMetrics(int step, Map<String, Double> metrics) {
        metrics.forEach((name, value) -> curves.add(new CurvePoint(runId, system, step, name, value)));
        stepDone.accept(step, metrics);
    }

    /** Every learning-curve point logged so far. */
    public synchronized List<CurvePoint> curves() {
        return List.copyOf(curves);
    }
}
