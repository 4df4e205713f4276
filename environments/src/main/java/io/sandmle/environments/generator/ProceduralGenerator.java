package io.sandmle.environments.generator;

import io.sandmle.api.EnvironmentGenerator;
import io.sandmle.api.GenerationContext;
import io.sandmle.api.GenerationOutcome;
import io.sandmle.api.GenerationRequest;
import io.sandmle.api.Grader;
import io.sandmle.api.Scale;
import io.sandmle.api.Task;
import io.sandmle.environments.suites.SyntheticSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The default generator ({@code procedural}): the four SandMLE roles as deterministic code. Offline and seeded:
 * the same request gives a byte-identical task tree (no timestamps, sorted JSON keys, stable PNG/WAV bytes).
 * Reference solutions still run for real, through the context's executor.
 */
public final class ProceduralGenerator implements EnvironmentGenerator {

    /** The option that asks for a SandMLE-compatible {@code evaluator.py} in each task. */
    public static final String SANDMLE_EVALUATOR = "sandmle-evaluator";

    private final DataStrategist strategist = new DataStrategist();
    private final TaskAssembly assembly;

    public ProceduralGenerator() {
        this(task -> new SyntheticSuite().grader(task));
    }

    ProceduralGenerator(Function<Task, Grader> graders) {
        this.assembly = new TaskAssembly(graders);
    }

    @Override
    public List<GenerationOutcome> generate(GenerationRequest request, GenerationContext context) {
        List<GenerationOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            TaskSpec spec = plan(request, i);
            GenerationOutcome outcome;
            try {
                outcome = assembly.assemble(spec, request.outDir(), context.executor(),
                        request.flag(SANDMLE_EVALUATOR), "procedural");
            } catch (IOException | UncheckedIOException e) {
                outcome = new GenerationOutcome(spec.taskId(), false, "io-error", null);
            }
            context.progress(outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** The spec of task {@code index}: micro, or its full twin (same DNA, domain and rule). */
    TaskSpec plan(GenerationRequest request, int index) {
        TaskSpec micro = strategist.plan(request.dna(), request.seed(), index);
        return request.scale() == Scale.FULL ? strategist.fullTwin(micro) : micro;
    }
}
