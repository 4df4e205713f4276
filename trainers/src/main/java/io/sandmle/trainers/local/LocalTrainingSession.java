package io.sandmle.trainers.local;

import io.sandmle.api.Grader;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Reward;
import io.sandmle.api.RewardFunction;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.Task;
import io.sandmle.api.TrainingSession;
import io.sandmle.api.Trajectory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * A {@link TrainingSession} that rolls out with the in-module {@link ReactEpisode} loop and warm
 * Python workers, for training the embedded policy without the runner. Episodes of a step run in
 * parallel; each gets its own work folder and a seed derived from the step seed, task and index.
 */
public final class LocalTrainingSession implements TrainingSession, AutoCloseable {

    private final List<Task> tasks;
    private final RewardFunction reward;
    private final Map<String, String> settings;
    private final Path runDir;
    private final Path resumeFrom;
    private final BiConsumer<Integer, Map<String, Double>> metricsSink;
    private final PythonWorkerPool python;
    private final ReactEpisode loop;
    private final ExecutorService episodes;
    private long rolloutCounter;

    /**
     * @param settings    trainer settings; {@code parallel} (default 2), {@code max-turns} (6) and
     *                    {@code step-seconds} (60) are read here too
     * @param metricsSink receives every {@link #logMetrics} call
     */
    public LocalTrainingSession(List<Task> tasks, Grader grader, RewardFunction reward, Map<String, String> settings,
                                Path runDir, Path resumeFrom, BiConsumer<Integer, Map<String, Double>> metricsSink)
            throws java.io.IOException {
        this.tasks = List.copyOf(tasks);
        this.reward = reward;
        this.settings = Map.copyOf(settings);
        this.runDir = runDir;
        this.resumeFrom = resumeFrom;
        this.metricsSink = metricsSink;
        int parallel = Integer.parseInt(settings.getOrDefault("parallel", "2"));
        this.python = new PythonWorkerPool(settings.getOrDefault("python", "/usr/bin/python3"), parallel);
        this.loop = new ReactEpisode(python, grader, Integer.parseInt(settings.getOrDefault("max-turns", "6")),
                Duration.ofSeconds(Long.parseLong(settings.getOrDefault("step-seconds", "60"))));
        this.episodes = Executors.newFixedThreadPool(parallel);
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
        long call = rolloutCounter++;
        List<List<Future<Trajectory>>> futures = new ArrayList<>();
        for (int t = 0; t < batch.size(); t++) {
            Task task = batch.get(t);
            List<Future<Trajectory>> group = new ArrayList<>();
            for (int g = 0; g < groupSize; g++) {
                long episodeSeed = seed * 1_000_003L + t * 1009L + g;
                String id = "r" + call + "-" + task.id() + "-" + g;
                Path work = runDir.resolve("episodes").resolve(id);
                group.add(episodes.submit(() -> loop.run(id, task, policy, episodeSeed, work)));
            }
            futures.add(group);
        }
        List<RolloutGroup> groups = new ArrayList<>();
        for (int t = 0; t < batch.size(); t++) {
            List<Trajectory> rollouts = new ArrayList<>();
            List<Reward> rewards = new ArrayList<>();
            for (Future<Trajectory> f : futures.get(t)) {
                Trajectory trajectory = await(f);
                rollouts.add(trajectory);
                rewards.add(reward.reward(trajectory));
            }
            groups.add(new RolloutGroup(batch.get(t).id(), rollouts, rewards));
        }
        return groups;
    }

    private static Trajectory await(Future<Trajectory> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an episode", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an episode failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public Path checkpointDir() {
        return runDir.resolve("checkpoints");
    }

    @Override
    public Optional<Path> resumeFrom() {
        return Optional.ofNullable(resumeFrom);
    }

    @Override
    public void logMetrics(int step, Map<String, Double> metrics) {
        metricsSink.accept(step, new LinkedHashMap<>(metrics));
    }

    @Override
    public void close() {
        episodes.shutdownNow();
        python.close();
    }
}
