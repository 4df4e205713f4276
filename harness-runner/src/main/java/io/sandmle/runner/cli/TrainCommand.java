package io.sandmle.runner.cli;

import io.sandmle.api.Grader;
import io.sandmle.api.Task;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.config.TrainerConfig;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.EvalPlan;
import io.sandmle.runner.rollout.EvalRun;
import io.sandmle.runner.run.TrainingJob;
import io.sandmle.runner.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sandmle train --config x.yaml}: trains with the config's {@code trainer:} section (trainer, reward,
 * settings) on every task of its suites, rollouts with its first scaffold as sandboxed episodes into
 * {@code runs/<run>/}, checkpoints in {@code runs/<run>/checkpoints/}, learning curves in the run's database.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a policy (the embedded one with GRPO by default) on the config's tasks; checkpoints and "
                + "learning curves go to the run folder.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "<yaml>", description = "The experiment config.")
    Path configFile;

    @Mixin
    PluginPathOption pluginPath;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig config = ConfigLoader.load(configFile);
        TrainerConfig trainer = config.trainer();
        if (trainer == null) {
            throw new IllegalArgumentException(configFile + " has no trainer: section; add one such as "
                    + "'trainer: {name: grpo, reward: milestone, settings: {steps: 20}}'.");
        }
        Path runDir = config.runDir();
        if (Files.exists(runDir.resolve(RunStore.DATABASE))) {
            throw new IllegalArgumentException("Run folder " + runDir + " already exists; give the config another run "
                    + "name.");
        }
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("config.yaml"), ConfigLoader.toYaml(config));
        Extensions extensions = pluginPath.load();
        List<Task> tasks = new ArrayList<>();
        Map<Task, Grader> graders = new HashMap<>();
        List<String> suites = new ArrayList<>();
        for (EvalPlan.SuiteTasks s : new EvalRun(config, extensions).suiteTasks()) {
            suites.add(s.suite());
            s.tasks().forEach(t -> {
                tasks.add(t);
                graders.put(t, s.impl().grader(t));
            });
        }
        String scaffold = config.scaffolds().get(0);
        var job = new TrainingJob(trainer.name(), trainer.reward(), trainer.settings(), scaffold,
                config.sampling().toSampling(config.seeds().get(0)), config.budget().toBudget(),
                config.executor().limits().toLimits(), config.executor().name(), config.executor().parallel(),
                trainer.name() + " x " + scaffold);
        System.out.printf("Training with %s on %d tasks (%s), rollouts with %s; run folder %s%n", trainer.name(),
                tasks.size(), String.join(", ", suites), scaffold, runDir);
        TrainingJob.Outcome outcome = job.run(extensions, config.run(), runDir, tasks, String.join("+", suites),
                graders::get, (step, metrics) -> System.out.printf(Locale.ROOT, "step %d: %s%n", step, metrics));
        System.out.println("Final checkpoint: " + outcome.result().finalCheckpoint() + " (" + outcome.result().steps()
                + " steps). Evaluate it with a policy {provider: embedded, settings: {checkpoint: <that path>}}.");
        return SandmleCommand.OK;
    }
}
