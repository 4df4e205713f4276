package io.sandmle.environments.generator;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Executor;
import io.sandmle.api.GenerationOutcome;
import io.sandmle.api.Grade;
import io.sandmle.api.Grader;
import io.sandmle.api.Task;
import io.sandmle.api.Thresholds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs roles 2–4 on a spec and verifies the result, for both generators: ML Developer (data, answers, ladder
 * run in the sandbox), MLOps Engineer (thresholds, task.json, optional evaluator.py), Technical Writer
 * (description.md), then the {@link Verifier}. A task that fails is deleted and reported with the check's name.
 */
final class TaskAssembly {

    private static final System.Logger LOG = System.getLogger(TaskAssembly.class.getName());
    private final MlDeveloper developer = new MlDeveloper();
    private final MlOpsEngineer mlops = new MlOpsEngineer();
    private final TechnicalWriter writer = new TechnicalWriter();
    private final Verifier verifier = new Verifier();
    private final Function<Task, Grader> graders;

    TaskAssembly(Function<Task, Grader> graders) {
        this.graders = graders;
    }

    /** Synthesizes the data and answers of a spec (role 2, without running the ladder). */
    void synthesize(TaskSpec spec, TaskFolder folder) throws IOException {
        TaskFolder.deleteTree(folder.root());
        developer.synthesize(spec, folder);
    }

    /** Builds, calibrates, describes and verifies one task under {@code outDir}. */
    GenerationOutcome assemble(TaskSpec spec, Path outDir, Executor executor, boolean evaluator, String generator)
            throws IOException {
        TaskFolder folder = new TaskFolder(outDir.resolve(spec.taskId()));
        synthesize(spec, folder);
        return finish(spec, folder, developer.runLadder(spec, folder, executor), evaluator, generator);
    }

    /** Roles 3–4 and verification, once the ladder's submissions are in {@code reference/ladder/}. */
    GenerationOutcome finish(TaskSpec spec, TaskFolder folder, ExecResult ladderRun, boolean evaluator,
                             String generator) throws IOException {
        if (!ladderRun.succeeded()) {
            return drop(spec, folder, "reference-ran");
        }
        Task provisional = new Task(Task.SCHEMA_VERSION, spec.taskId(), "", spec.target().metric(),
                spec.target().lowerIsBetter(), null, spec.modality(), spec.target().taskType(), spec.dna().seedId(),
                Map.of(), folder.root());
        Map<String, Double> scores = new TreeMap<>();
        for (String rung : MlDeveloper.allRuns()) {
            Grade g = graders.apply(provisional).grade(provisional, folder.ladder(rung));
            if (!g.valid()) {
                return drop(spec, folder, "reference-ran");
            }
            scores.put(rung, g.score());
        }
        Thresholds thresholds = Calibration.thresholds(scores, spec.target().lowerIsBetter());
        writer.write(spec, MlOpsEngineer.title(spec), folder);
        if (evaluator) {
            mlops.writeEvaluator(spec.target().metric(), spec.target().lowerIsBetter(), thresholds, folder);
        }
        Task task = mlops.writeTask(spec, folder, thresholds, scores, generator);
        Verifier.Verdict verdict = verifier.verify(folder.root(), graders.apply(task));
        if (!verdict.ok()) {
            LOG.log(System.Logger.Level.DEBUG, () -> spec.taskId() + " dropped by " + verdict.failedCheck() + ": "
                    + verdict.detail());
        }
        return verdict.ok() ? new GenerationOutcome(spec.taskId(), true, null, folder.root())
                : drop(spec, folder, verdict.failedCheck());
    }

    private static GenerationOutcome drop(TaskSpec spec, TaskFolder folder, String reason) {
        TaskFolder.deleteTree(folder.root());
        return new GenerationOutcome(spec.taskId(), false, reason, null);
    }
}
