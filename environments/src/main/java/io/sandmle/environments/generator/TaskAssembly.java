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

    /** Builds, calibrates, describes and verifies one task under {@code outDir} (the procedural roles). */
    GenerationOutcome assemble(TaskSpec spec, Path outDir, Executor executor, boolean evaluator, String generator)
            throws IOException {
        TaskFolder folder = new TaskFolder(outDir.resolve(spec.taskId()));
        synthesize(spec, folder);
        Calibrated calibrated = calibrate(spec, folder, developer.runLadder(spec, folder,
                ReferenceLadder.verificationScript(spec.target()), executor));
        if (calibrated.dropReason() != null) {
            return drop(spec, folder, calibrated.dropReason());
        }
        writer.write(spec, MlOpsEngineer.title(spec), folder);
        if (evaluator) {
            mlops.writeEvaluator(spec.target().metric(), spec.target().lowerIsBetter(), calibrated.thresholds(), folder);
        }
        return publish(spec, folder, calibrated, generator, executor);
    }

    /**
     * The ladder's scores and the thresholds calibrated from them, or why the ladder is unusable.
     *
     * @param scores      every rung's and control's score
     * @param thresholds  medal thresholds from {@link Calibration}
     * @param dropReason  {@code reference-ran} when the ladder failed, else {@code null}
     */
    record Calibrated(Map<String, Double> scores, Thresholds thresholds, String dropReason) {
    }

    /** Grades the ladder's stored submissions and calibrates thresholds (role 3, first half). */
    Calibrated calibrate(TaskSpec spec, TaskFolder folder, ExecResult ladderRun) {
        if (!ladderRun.succeeded()) {
            return new Calibrated(Map.of(), null, "reference-ran");
        }
        Task provisional = new Task(Task.SCHEMA_VERSION, spec.taskId(), "", spec.target().metric(),
                spec.target().lowerIsBetter(), null, spec.modality(), spec.target().taskType(), spec.dna().seedId(),
                Map.of(), folder.root());
        Map<String, Double> scores = new TreeMap<>();
        for (String rung : MlDeveloper.allRuns()) {
            Grade g = graders.apply(provisional).grade(provisional, folder.ladder(rung));
            if (!g.valid()) {
                return new Calibrated(Map.of(), null, "reference-ran");
            }
            scores.put(rung, g.score());
        }
        return new Calibrated(scores, Calibration.thresholds(scores, spec.target().lowerIsBetter()), null);
    }

    /**
     * Writes task.json (role 3, second half) and verifies, running any evaluator.py through {@code executor}; a
     * failing task is deleted and its check reported.
     */
    GenerationOutcome publish(TaskSpec spec, TaskFolder folder, Calibrated calibrated, String generator,
                              Executor executor) throws IOException {
        Task task = mlops.writeTask(spec, folder, calibrated.thresholds(), calibrated.scores(), generator);
        Verifier.Verdict verdict = verifier.verify(folder.root(), graders.apply(task), executor);
        if (!verdict.ok()) {
            LOG.log(System.Logger.Level.DEBUG, () -> spec.taskId() + " dropped by " + verdict.failedCheck() + ": "
                    + verdict.detail());
        }
        return verdict.ok() ? new GenerationOutcome(spec.taskId(), true, null, folder.root())
                : drop(spec, folder, verdict.failedCheck());
    }

    MlDeveloper developer() {
        return developer;
    }

    static GenerationOutcome drop(TaskSpec spec, TaskFolder folder, String reason) {
        TaskFolder.deleteTree(folder.root());
        return new GenerationOutcome(spec.taskId(), false, reason, null);
    }
}
