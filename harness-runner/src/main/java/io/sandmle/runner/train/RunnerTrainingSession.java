package io.sandmle.runner.train;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.RewardFunction;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.Task;
import io.sandmle.api.TrainingSession;
import io.sandmle.runner.rollout.TrainingRollouts;
import io.sandmle.runner.store.RunStore;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The runner's {@link TrainingSession}: rollouts go through the rollout engine into the run store
 * ({@link TrainingRollouts}), learning curves are {@link CurvePoint}s in the same store, checkpoints live
 * in {@code runs/<run>/checkpoints/}. A resumed session skips curve points the run already holds, so a
 * step re-run after a crash is recorded once.
 */
public final class RunnerTrainingSession implements TrainingSession {

    private final List<Task> tasks;
    private final Map<String, String> settings;
    private final RewardFunction reward;
    private final TrainingRollouts rollouts;
    private final RunStore store;
    private final String runId;
    private final String system;
    private final Optional<Path> resumeFrom;
    private final Supplier<LanguageModel> configuredPolicy;
    private final StepLog log;
    private final Set<String> recorded = new HashSet<>();

    /**
     * @param system           what the curves belong to in reports (e.g. {@code grpo: embedded x react})
     * @param resumeFrom       the checkpoint to continue from, when resuming
     * @param configuredPolicy the config's policy, created only if a trainer asks for it
     */
    RunnerTrainingSession(List<Task> tasks, Map<String, String> settings, RewardFunction reward,
                                 TrainingRollouts rollouts, RunStore store, String runId, String system,
                                 Optional<Path> resumeFrom, Supplier<LanguageModel> configuredPolicy, StepLog log) {
        this.tasks = List.copyOf(tasks);
        this.settings = Map.copyOf(settings);
        this.reward = reward;
        this.rollouts = rollouts;
        this.store = store;
        this.runId = runId;
        this.system = system;
        this.resumeFrom = resumeFrom;
        this.configuredPolicy = configuredPolicy;
        this.log = log;
        for (CurvePoint p : store.curves()) {
            recorded.add(key(p.system(), p.step(), p.metric()));
        }
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
        return Checkpoints.of(store.dir());
    }

    @Override
    public Optional<Path> resumeFrom() {
        return resumeFrom;
    }

    @Override
    public synchronized void logMetrics(int step, Map<String, Double> metrics) {
        metrics.forEach((metric, value) -> {
            if (recorded.add(key(system, step, metric))) {
                store.appendCurve(new CurvePoint(runId, system, step, metric, value));
            }
        });
        log.step(step, metrics);
    }

    @Override
    public Optional<LanguageModel> policy() {
        return Optional.of(configuredPolicy.get());
    }

    private static String key(String system, int step, String metric) {
        return system + '\u0000' + step + '\u0000' + metric;
    }
}
