package io.sandmle.runner.train;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.RewardFunction;
import io.sandmle.api.Task;
import io.sandmle.api.TaskSuite;
import io.sandmle.api.Trainer;
import io.sandmle.api.TrainingResult;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.config.PolicyConfig;
import io.sandmle.runner.config.SuiteConfig;
import io.sandmle.runner.config.TrainerConfig;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.EnvironmentFactory;
import io.sandmle.runner.rollout.RolloutEngine;
import io.sandmle.runner.rollout.RunStoreSink;
import io.sandmle.runner.rollout.TrainingRollouts;
import io.sandmle.runner.store.RunStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One training run from its config: the training tasks (the trainer's {@code tasks} folder read by the
 * {@code synthetic} suite, else the first suite), the reward, trainer and policy from their extensions,
 * and a {@link RunnerTrainingSession} whose rollouts run the config's first scaffold through the rollout
 * engine into the run store.
 */
public final class TrainRun {

    /** The suite that reads a trainer's {@code tasks} folder. */
    static final String TASK_SUITE = "synthetic";

    private final ExperimentConfig config;
    private final TrainerConfig trainer;
    private final Extensions extensions;

    /** @throws IllegalArgumentException with one sentence when the config has no {@code trainer:} section */
    public TrainRun(ExperimentConfig config, Extensions extensions) {
        if (config.trainer() == null) {
            throw new IllegalArgumentException("The config has no 'trainer:' section; add one (see "
                    + "examples/configs/train-grpo.yaml).");
        }
        this.config = config;
        this.trainer = config.trainer();
        this.extensions = extensions;
    }

    /**
     * Trains into {@code store}, continuing from the run's newest checkpoint when {@code resume} is set.
     *
     * @param environments opens each episode's environment (sandboxed on the configured executor)
     * @param progress     where one line per step goes (stderr)
     */
    public TrainingResult run(RunStore store, EnvironmentFactory environments, boolean resume, PrintStream progress)
            throws Exception {
        Optional<Path> from = resume ? Checkpoints.newest(Checkpoints.of(store.dir())) : Optional.empty();
        if (!resume && Checkpoints.newest(Checkpoints.of(store.dir())).isPresent()) {
            throw new IllegalArgumentException("Run " + config.run() + " already has checkpoints; pass --resume "
                    + config.run() + " to continue it, or choose a new run name.");
        }
        from.ifPresent(p -> progress.println("Resuming " + config.run() + " from " + p.getFileName() + "."));
        List<Task> tasks = trainingTasks();
        RewardFunction reward = extensions.create(ExtensionKind.REWARD, trainer.reward());
        String scaffold = config.scaffolds().get(0);
        TaskSuite suite = extensions.create(ExtensionKind.SUITE, suiteName());
        RolloutEngine engine = new RolloutEngine(config.run(), name -> extensions.create(ExtensionKind.SCAFFOLD, name),
                environments, reward, config.executor().parallel());
        TrainingRollouts rollouts = new TrainingRollouts(engine, new RunStoreSink(store), reward, suiteName(),
                suite::grader, scaffold, config.budget().toBudget(), config.sampling().unseeded());
        String system = trainer.name() + ": " + trainer.policy() + " x " + scaffold;
        RunnerTrainingSession session = new RunnerTrainingSession(tasks, trainer.trainerSettings(), reward, rollouts,
                store, config.run(), system, from, this::configuredPolicy,
                new StepLog(progress, trainer.plannedSteps()));
        progress.println("Training " + system + " on " + tasks.size() + " tasks; checkpoints in "
                + session.checkpointDir() + ".");
        Trainer t = extensions.create(ExtensionKind.TRAINER, trainer.name());
        return t.train(session);
    }

    private String suiteName() {
        return trainer.tasks() != null ? TASK_SUITE : config.suites().get(0).name();
    }

    private List<Task> trainingTasks() {
        SuiteConfig first = config.suites().get(0);
        Path dir = trainer.tasks() != null ? trainer.tasks() : first.dataDir();
        TaskSuite suite = extensions.create(ExtensionKind.SUITE, suiteName());
        List<Task> all = suite.load(dir, Map.of());
        List<Task> kept = trainer.tasks() != null || first.tasks().isEmpty() ? all
                : all.stream().filter(t -> first.tasks().contains(t.id())).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("No training tasks in " + dir + "; generate some with 'sandmle generate "
                    + "--out " + dir + "' or point trainer.tasks at a folder of task folders.");
        }
        return kept;
    }

    /** The policy the trainer's {@code policy:} names among the config's policies (its default settings if absent). */
    private LanguageModel configuredPolicy() {
        PolicyConfig p = config.policies().stream().filter(c -> c.name().equals(trainer.policy())).findFirst()
                .orElse(new PolicyConfig(trainer.policy(), trainer.policy(), Map.of()));
        return extensions.create(ExtensionKind.POLICY, p.provider()).create(p.settings());
    }
}
