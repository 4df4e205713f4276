package io.sandmle.environments.generator;

import io.sandmle.api.EnvironmentGenerator;
import io.sandmle.api.ExecResult;
import io.sandmle.api.GenerationContext;
import io.sandmle.api.GenerationOutcome;
import io.sandmle.api.GenerationRequest;
import io.sandmle.api.Grader;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Scale;
import io.sandmle.api.Task;
import io.sandmle.api.TaskDna;
import io.sandmle.environments.suites.SyntheticSuite;
import io.sandmle.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code llm} generator: the four SandMLE roles as LLM agents through the {@link LanguageModel} SPI, each
 * with an execute-and-debug loop. The Data Strategist proposes domain, mutations and size (validated); the data
 * are synthesized by the same renderers as the procedural generator; the ML Developer writes the reference
 * ladder, run in the sandbox until it works; the MLOps Engineer writes evaluator.py, run until it agrees with
 * the harness grader; the Technical Writer writes description.md, checked for leaks. The output then goes
 * through the same {@link Verifier}.
 */
public final class LlmGenerator implements EnvironmentGenerator {

    static final int MAX_TURNS = 3;
    private final DataStrategist strategist = new DataStrategist();
    private final TaskAssembly assembly;
    private final EvaluatorStep evaluator;

    public LlmGenerator() {
        this(task -> new SyntheticSuite().grader(task), new EvaluatorStep());
    }

    LlmGenerator(Function<Task, Grader> graders, EvaluatorStep evaluator) {
        this.assembly = new TaskAssembly(graders);
        this.evaluator = evaluator;
    }

    @Override
    public List<GenerationOutcome> generate(GenerationRequest request, GenerationContext context) {
        LanguageModel model = context.model().orElseThrow(() -> new IllegalArgumentException(
                "The llm generator needs a language model: pass --policy <name> with its --policy-setting values."));
        List<GenerationOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            GenerationOutcome outcome;
            try {
                outcome = one(request, i, model, context);
            } catch (Exception e) {
                outcome = new GenerationOutcome(request.dna().seedId() + "#" + i, false, "io-error", null);
            }
            context.progress(outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private GenerationOutcome one(GenerationRequest request, int index, LanguageModel model,
                                  GenerationContext context) throws Exception {
        Optional<DataStrategist.Proposal> proposal = propose(request.dna(), model);
        if (proposal.isEmpty()) {
            return new GenerationOutcome(request.dna().seedId() + "#" + index, false, "llm-strategist-failed", null);
        }
        TaskSpec micro = strategist.plan(request.dna(), request.seed(), index, proposal.get());
        TaskSpec spec = request.scale() == Scale.FULL ? strategist.fullTwin(micro) : micro;
        TaskFolder folder = new TaskFolder(request.outDir().resolve(spec.taskId()));
        assembly.synthesize(spec, folder);
        AgentLoop developer = new AgentLoop(model, MAX_TURNS);
        List<TaskAssembly.Calibrated> ladders = new ArrayList<>();
        Optional<String> ladder = developer.run(Prompts.ML_DEVELOPER, Prompts.developerTask(spec, folder), "python",
                script -> ladderProblem(spec, folder, script, context, ladders));
        saveTranscript(folder, "ml-developer", developer);
        if (ladder.isEmpty()) {
            return TaskAssembly.drop(spec, folder, "llm-developer-failed");
        }
        TaskAssembly.Calibrated calibrated = ladders.get(ladders.size() - 1);
        AgentLoop writer = new AgentLoop(model, MAX_TURNS);
        Secrets secrets = Json.MAPPER.readValue(folder.referenceDir().resolve("secrets.json").toFile(), Secrets.class);
        Optional<String> description = writer.run(Prompts.TECHNICAL_WRITER, Prompts.writerTask(spec, folder,
                calibrated.thresholds()), "markdown", text -> descriptionProblem(spec, text, secrets));
        saveTranscript(folder, "technical-writer", writer);
        if (description.isEmpty()) {
            return TaskAssembly.drop(spec, folder, "llm-writer-failed");
        }
        Files.writeString(folder.publicDir().resolve("description.md"), description.get());
        AgentLoop mlops = new AgentLoop(model, MAX_TURNS);
        Optional<String> evaluator = mlops.run(Prompts.MLOPS_ENGINEER, Prompts.mlopsTask(spec, calibrated), "python",
                code -> evaluatorProblem(spec, folder, code, calibrated, context));
        saveTranscript(folder, "mlops-engineer", mlops);
        if (evaluator.isEmpty()) {
            return TaskAssembly.drop(spec, folder, "llm-mlops-failed");
        }
        return assembly.publish(spec, folder, calibrated, "llm", context.executor());
    }

    private static Optional<DataStrategist.Proposal> propose(TaskDna dna, LanguageModel model) throws Exception {
        AgentLoop loop = new AgentLoop(model, MAX_TURNS);
        DataStrategist.Proposal[] accepted = new DataStrategist.Proposal[1];
        Optional<String> answer = loop.run(Prompts.DATA_STRATEGIST, Prompts.strategistTask(dna), "json", text -> {
            try {
                accepted[0] = Prompts.parseProposal(Json.MAPPER.readTree(text));
                return Optional.empty();
            } catch (IOException | IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        });
        return answer.map(a -> accepted[0]);
    }

    /** Runs the developer's ladder script in the sandbox; the error to send back, or empty when every file is valid. */
    private Optional<String> ladderProblem(TaskSpec spec, TaskFolder folder, String script, GenerationContext context,
                                           List<TaskAssembly.Calibrated> accepted) throws IOException {
        ExecResult run = assembly.developer().runLadder(spec, folder, script, context.executor());
        if (!run.succeeded()) {
            return Optional.of("the script failed (exit " + run.exitCode() + "):\n" + AgentLoop.lastLines(run.stderrTail())
                    + (run.killedReason() == null ? "" : "\n" + run.killedReason()));
        }
        TaskAssembly.Calibrated c = assembly.calibrate(spec, folder, run);
        if (c.dropReason() != null) {
            return Optional.of("it ran, but not every ladder_<rung>.csv was written with the sample submission's "
                    + "columns and ids; expected files: " + MlDeveloper.allRuns().stream()
                    .map(r -> "ladder_" + r + ".csv").collect(Collectors.joining(", ")));
        }
        accepted.add(c);
        return Optional.empty();
    }

    private static Optional<String> descriptionProblem(TaskSpec spec, String text, Secrets secrets) {
        Optional<String> leak = VerificationChecks.NoLeakInDescription.leak(text, secrets);
        if (leak.isPresent()) {
            return Optional.of(leak.get() + "; that reveals the hidden rule. Describe columns by count and type only.");
        }
        for (String column : spec.target().submissionHeader()) {
            if (!text.contains(column)) {
                return Optional.of("the description must name the submission column `" + column + "`");
            }
        }
        return Optional.empty();
    }

    /** Writes the evaluator and runs it in the sandbox on the best reference; the disagreement to send back. */
    private Optional<String> evaluatorProblem(TaskSpec spec, TaskFolder folder, String code,
                                              TaskAssembly.Calibrated calibrated, GenerationContext context)
            throws IOException {
        Files.writeString(folder.publicDir().resolve("evaluator.py"), code);
        String best = Calibration.bestRung(calibrated.scores(), spec.target().lowerIsBetter());
        return evaluator.disagreement(folder, folder.ladder(best), calibrated.scores().get(best), context.executor());
    }

    private static void saveTranscript(TaskFolder folder, String role, AgentLoop loop) throws IOException {
        Path dir = Files.createDirectories(folder.referenceDir().resolve("llm"));
        Json.writeFile(dir.resolve(role + ".json"), loop.transcript());
    }

    /** The files of the public folder, for prompts. */
    static String listing(Path publicDir) throws IOException {
        try (Stream<Path> all = Files.list(publicDir)) {
            return all.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted()
                    .collect(Collectors.joining(", "));
        }
    }

    /** The first lines of a public CSV, for prompts. */
    static String head(Path csv, int lines) throws IOException {
        try (Stream<String> all = Files.lines(csv)) {
            return all.limit(lines).collect(Collectors.joining("\n"));
        }
    }
}
