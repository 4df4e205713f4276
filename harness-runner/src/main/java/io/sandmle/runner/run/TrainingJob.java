package io.sandmle.runner.run;

import io.sandmle.api.Budget;
import io.sandmle.api.CurvePoint;
import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Grader;
import io.sandmle.api.Limits;
import io.sandmle.api.RewardFunction;
import io.sandmle.api.Sampling;
import io.sandmle.api.Task;
import io.sandmle.api.TrainingResult;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.RolloutEngine;
import io.sandmle.runner.rollout.RunStoreSink;
import io.sandmle.runner.rollout.TrainingRollouts;
import io.sandmle.runner.store.RunStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One training run through the SPI: the TRAINER and REWARD extensions by name, rollouts as sandboxed
 * episodes through the rollout engine into {@code <runDir>/run.duckdb}, checkpoints in
 * {@code <runDir>/checkpoints}, learning curves stored in the run (and returned for reports).
 *
 * @param trainer  TRAINER extension name ({@code grpo}, {@code sft} …)
 * @param reward   REWARD extension name ({@code dense} …)
 * @param settings the trainer's settings
 * @param scaffold the scaffold rollouts use
 * @param sampling sampling of the rollouts
 * @param budget   per-episode budget
 * @param limits   step limits in the sandbox
 * @param executor EXECUTOR extension name
 * @param parallel episodes at once
 * @param system   the name curves are reported under
 */
public record TrainingJob(String trainer, String reward, Map<String, String> settings, String scaffold,
                          Sampling sampling, Budget budget, Limits limits, String executor, int parallel,
                          String system) {

    /** What training left: the trainer's result and every learning-curve point. */
    public record Outcome(TrainingResult result, List<CurvePoint> curves) {
    }

    /**
     * Trains on {@code tasks}.
     *
     * @param suite    the suite name the rollout episodes are recorded under
     * @param stepDone told each finished step and its metrics
     */
    public Outcome run(Extensions extensions, String runId, Path runDir, List<Task> tasks, String suite,
                       Function<Task, Grader> graders, BiConsumer<Integer, Map<String, Double>> stepDone)
            throws Exception {
        RewardFunction rewardFunction = extensions.create(ExtensionKind.REWARD, reward);
        try (RunStore store = RunStore.open(runDir);
             Executor ex = extensions.create(ExtensionKind.EXECUTOR, executor)) {
            var engine = new RolloutEngine(runId, name -> extensions.create(ExtensionKind.SCAFFOLD, name),
                    new SandboxedEpisodes(ex, limits), rewardFunction, parallel);
            var rollouts = new TrainingRollouts(engine, new RunStoreSink(store), rewardFunction, suite, graders,
                    scaffold, budget, sampling);
            var session = new RunnerTrainingSession(tasks, settings, rewardFunction, rollouts,
                    runDir.resolve("checkpoints"), runId, system, stepDone);
            TrainingResult result = extensions.create(ExtensionKind.TRAINER, trainer).train(session);
            session.curves().forEach(store::appendCurve);
            return new Outcome(result, session.curves());
        }
    }
}
