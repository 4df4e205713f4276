package io.sandmle.runner.rollout;

import io.sandmle.api.Episode;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Grade;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.ResourceUse;
import io.sandmle.api.Reward;
import io.sandmle.api.SandboxException;
import io.sandmle.api.Sampling;
import io.sandmle.api.RewardFunction;
import io.sandmle.api.Scaffold;
import io.sandmle.api.Trajectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs episodes, N at a time, into an {@link EpisodeSink}. Episodes the sink already holds are skipped,
 * so running the same plan again after a crash finishes it without repeating anything.
 *
 * <p>An episode that fails inside the harness (its environment cannot open, a scaffold plugin throws) is
 * recorded with end reason {@code environment_error} or {@code harness_error} and the run goes on.
 *
 * <p>An episode that ran out of its time is graded on whatever {@code submission.csv} its agent left in the work
 * folder (MLE-bench grades the submission present at the time-out), and the record keeps the resources its code
 * used ({@link MleEnvironment#resourceUse()}).
 */
public final class RolloutEngine {

    private final String runId;
    private final Function<String, Scaffold> scaffolds;
    private final EnvironmentFactory environments;
    private final RewardFunction reward;
    private final int parallel;

    /**
     * @param runId        the run the records belong to
     * @param scaffolds    a fresh scaffold by registry name
     * @param environments opens each episode's environment
     * @param reward       the reward stored with each record, or {@code null} for 0
     * @param parallel     episodes run at once
     */
    public RolloutEngine(String runId, Function<String, Scaffold> scaffolds, EnvironmentFactory environments,
                         RewardFunction reward, int parallel) {
        this.runId = runId;
        this.scaffolds = scaffolds;
        this.environments = environments;
        this.reward = reward;
        this.parallel = Math.max(1, parallel);
    }

    /** One finished episode: what the sink recorded. */
    public record Outcome(EpisodeSpec spec, EpisodeRecord record, Trajectory trajectory, Reward reward) {
    }

    /**
     * Runs every episode of {@code plan} not yet in {@code sink}; returns the outcomes of those it ran, in
     * plan order. Duplicate ids in the plan run once.
     */
    public List<Outcome> run(List<EpisodeSpec> plan, EpisodeSink sink, Progress progress) {
        Set<String> done = sink.finishedEpisodeIds();
        Map<String, EpisodeSpec> todo = new LinkedHashMap<>();
        for (EpisodeSpec s : plan) {
            if (!done.contains(s.episodeId())) {
                todo.putIfAbsent(s.episodeId(), s);
            }
        }
        progress.start(plan.size(), plan.size() - todo.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, todo.size())),
                r -> {
                    Thread t = new Thread(r, "episode");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (EpisodeSpec spec : todo.values()) {
                futures.add(pool.submit(() -> {
                    Outcome o = runOne(spec, sink);
                    progress.episodeDone(o);
                    return o;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The run was interrupted; resume it to finish the remaining episodes.");
        } catch (ExecutionException e) {
            // Only the sink can fail here (a disk that cannot be written): stop rather than lose records.
            throw new IllegalStateException("Could not record an episode (" + e.getCause().getMessage()
                    + "); fix the run folder and resume.", e.getCause());
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
    }

    /** Runs one episode and records it. */
    Outcome runOne(EpisodeSpec spec, EpisodeSink sink) {
        String id = spec.episodeId();
        long start = System.currentTimeMillis();
        Trajectory trajectory;
        ResourceUse used = null;
        try (MleEnvironment env = environments.open(spec.task(), spec.grader(), sink.episodeDir(id), spec.budget())) {
            Episode episode = new Episode(id, spec.task(), env, spec.model(), spec.budget(),
                    withSeed(spec), spec.seed());
            trajectory = scaffolds.apply(spec.scaffold()).run(episode);
            if (System.currentTimeMillis() - start >= spec.budget().episodeTime().toMillis()) {
                trajectory = gradedAtTimeOut(env, trajectory);
            }
            used = env.resourceUse();
        } catch (SandboxException e) {
            trajectory = failed(spec, "environment_error", start);
            System.err.println("sandmle: episode " + id + " could not open its environment: " + e.getMessage());
        } catch (RuntimeException e) {
            trajectory = failed(spec, "harness_error", start);
            System.err.println("sandmle: episode " + id + " failed inside the harness: " + e);
        }
        Reward r = reward == null ? new Reward(0, Map.of()) : reward.reward(trajectory);
        EpisodeRecord record = new EpisodeRecord(EpisodeRecord.SCHEMA_VERSION, runId, id, spec.system(), spec.suite(),
                spec.task().id(), spec.task().category(), spec.seed(), trajectory.finalGrade(), r.total(),
                trajectory.endReason(), trajectory.wallMillis(), trajectory.turns().size(), used);
        sink.append(record, trajectory);
        return new Outcome(spec, record, trajectory, r);
    }

    /**
     * The trajectory with the work folder's submission graded too (a Score action in the environment's history):
     * when that submission is valid, the final grade becomes the best of the episode's grades, it included.
     */
    private static Trajectory gradedAtTimeOut(MleEnvironment env, Trajectory t) {
        Grade collected = env.score().grade();
        Grade last = collected != null && collected.valid() ? env.bestGrade() : t.finalGrade();
        return new Trajectory(t.schemaVersion(), t.episodeId(), t.taskId(), t.scaffold(), t.policy(), t.seed(),
                t.turns(), last, t.endReason(), t.wallMillis());
    }

    private static Sampling withSeed(EpisodeSpec spec) {
        Sampling s = spec.sampling();
        return s.seed() != null ? s : new Sampling(s.temperature(), s.topP(), s.maxTokens(), spec.seed());
    }

    private static Trajectory failed(EpisodeSpec spec, String reason, long start) {
        return new Trajectory(Trajectory.SCHEMA_VERSION, spec.episodeId(), spec.task().id(), spec.scaffold(),
                spec.model().id(), spec.seed(), List.of(), null, reason, System.currentTimeMillis() - start);
    }
}
