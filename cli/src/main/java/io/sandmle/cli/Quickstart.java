package io.sandmle.cli;

import io.sandmle.runner.run.Experiment;
import io.sandmle.runner.config.TrainerConfig;
import java.time.Duration;
import java.util.stream.LongStream;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Scale;
import io.sandmle.api.Task;
import io.sandmle.api.TaskDna;
import io.sandmle.api.TrainingResult;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.generate.GenerationManifest;
import io.sandmle.runner.generate.GenerationRun;
import io.sandmle.runner.generate.ProgressBar;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.ConsoleProgress;
import io.sandmle.runner.rollout.RunSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quickstart main job on the embedded defaults: provision, generate synthetic tasks from a few seeds,
 * train the embedded policy with GRPO on most of them, evaluate untrained vs trained on the held-out ones and
 * on the MLE-bench-format fixture tasks, and write the HTML + PDF report. Every step goes through the same
 * code as its CLI command (generation run, rollout engine, trainer SPI, evaluation, report writer). A piece
 * that is not installed is skipped with one sentence and the rest still runs.
 */
public final class Quickstart {

    /**
     * How big the job is.
     *
     * @param seeds        seed competitions to generate from
     * @param perSeed      tasks attempted per seed
     * @param grpoSteps    GRPO steps
     * @param tasksPerStep tasks per GRPO step
     * @param groupSize    rollouts per task and step
     * @param evalSeeds    repetitions of each evaluation episode
     * @param maxTurns     turns per episode
     */
    public record Sizes(int seeds, int perSeed, int grpoSteps, int tasksPerStep, int groupSize, int evalSeeds,
                        int maxTurns) {

        /** Under a minute here: a smoke run of every stage. */
        public static Sizes quick() {
            return new Sizes(2, 2, 2, 2, 2, 1, 4);
        }

        /** About four minutes here: enough training (240 rollouts) for the trained policy to pull ahead. */
        public static Sizes full() {
            return new Sizes(8, 2, 10, 6, 4, 3, 6);
        }
    }

    private static final String GENERATOR = "procedural";
    private static final String CATALOG = "builtin";
    private static final String POLICY = "embedded";
    private static final String TRAINER = "grpo";
    private static final String REWARD = "dense";
    private static final String SCAFFOLD = "react";
    private static final int PARALLEL = 2;

    private final Extensions extensions;
    private final Path workDir;
    private final Path fixtures;
    private final Sizes sizes;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private int step;

    /**
     * @param workDir  where tasks, runs and the report go ({@code <workDir>/tasks}, {@code <workDir>/runs})
     * @param fixtures the MLE-bench-format fixture competitions ({@code examples/fixtures/mle-bench-lite})
     */
    public Quickstart(Extensions extensions, Path workDir, Path fixtures, Sizes sizes, PrintStream out) {
        this.extensions = extensions;
        this.workDir = workDir.toAbsolutePath().normalize();
        this.fixtures = fixtures.toAbsolutePath().normalize();
        this.sizes = sizes;
        this.out = out;
    }

    /** Runs the job; returns the evaluation (with the report's location), or throws when nothing could run. */
    public Experiment.Evaluated run(Path provisionScript) throws Exception {
        provision(provisionScript);
        List<Task> tasks = generate();
        int heldOutCount = Math.max(1, tasks.size() / 3);
        List<Task> heldOut = tasks.subList(tasks.size() - Math.min(heldOutCount, tasks.size()), tasks.size());
        List<Task> training = tasks.subList(0, tasks.size() - heldOut.size());
        Training trained = train(training);
        return evaluate(heldOut, trained);
    }

    private void provision(Path script) throws IOException, InterruptedException {
        begin("Provisioning the runtime (" + script + " runtime)");
        if (!Files.isExecutable(script)) {
            skip("there is no " + script + " here, so nothing was installed; `sandmle doctor` lists what is missing.");
            return;
        }
        Process p = new ProcessBuilder(script.toString(), "runtime").inheritIO().start();
        int code = p.waitFor();
        done(code == 0 ? "the runtime's Debian packages are present" : "provisioning exited with " + code
                + "; continuing (`sandmle doctor` says what is missing)");
    }

    /** Generates and verifies micro tasks; returns the kept ones in id order. */
    private List<Task> generate() throws Exception {
        begin("Generating synthetic tasks (" + GENERATOR + " generator, " + sizes.seeds() + " seeds x "
                + sizes.perSeed() + ")");
        if (missing(ExtensionKind.GENERATOR, GENERATOR, "task generation", "the held-out synthetic evaluation")
                || missing(ExtensionKind.SEED_CATALOG, CATALOG, "task generation", "the held-out synthetic evaluation")) {
            return List.of();
        }
        Path dir = workDir.resolve("tasks");
        List<TaskDna> seeds = extensions.create(ExtensionKind.SEED_CATALOG, CATALOG).select("lite").stream()
                .limit(sizes.seeds()).toList();
        GenerationManifest manifest;
        try (Executor executor = extensions.create(ExtensionKind.EXECUTOR, "local")) {
            var outcomes = new GenerationRun(extensions.create(ExtensionKind.GENERATOR, GENERATOR), executor, null,
                    PARALLEL).run(seeds, sizes.perSeed(), 0, Scale.MICRO, dir, Map.of(),
                    new ProgressBar(System.err, seeds.size() * sizes.perSeed()));
            manifest = new GenerationManifest(outcomes);
            manifest.write(dir, Map.of("seeds", "lite", "per_seed", sizes.perSeed(), "seed", 0));
        }
        List<Task> kept = extensions.create(ExtensionKind.SUITE, "synthetic").load(dir, Map.of()).stream()
                .filter(t -> manifest.ok().contains(t.id())).sorted(Comparator.comparing(Task::id)).toList();
        done(kept.size() + " of " + seeds.size() * sizes.perSeed() + " tasks kept after verification, in " + dir);
        return kept;
    }

    /** What training produced: the checkpoint and the learning curves, or nothing. */
    private record Training(Path checkpoint, List<CurvePoint> curves) {
    }

    private Training train(List<Task> tasks) throws Exception {
        begin("Training the embedded policy with GRPO (" + sizes.grpoSteps() + " steps, " + sizes.tasksPerStep()
                + " tasks x " + sizes.groupSize() + " rollouts per step)");
        if (tasks.isEmpty()) {
            skip("there are no generated training tasks, so the trained policy is left out of the comparison.");
            return null;
        }
        if (missing(ExtensionKind.TRAINER, TRAINER, "training", "the trained policy")
                || missing(ExtensionKind.REWARD, REWARD, "training", "the trained policy")) {
            return null;
        }
        ExperimentConfig config = common("quickstart-train")
                .suite("synthetic", workDir.resolve("tasks"), tasks.stream().map(Task::id).toList())
                .policy(POLICY, POLICY, Map.of())
                .trainer(new TrainerConfig(TRAINER, REWARD, POLICY, null, sizes.grpoSteps(), sizes.groupSize(),
                        sizes.tasksPerStep(), sizes.grpoSteps(), 0L, Map.of()))
                .build();
        TrainingResult result;
        List<CurvePoint> curves;
        try (Experiment experiment = Experiment.open(config, extensions)) {
            result = experiment.train(false, out);
            // Shown in the evaluation report beside the system the checkpoint is evaluated as.
            curves = experiment.store().curves().stream().map(c -> new CurvePoint(c.runId(), "trained x " + SCAFFOLD,
                    c.step(), c.metric(), c.value())).toList();
        }
        done("checkpoint " + result.finalCheckpoint() + " after " + result.steps() + " steps");
        return new Training(result.finalCheckpoint(), curves);
    }

    private Experiment.Evaluated evaluate(List<Task> heldOut, Training trained) throws Exception {
        begin("Evaluating untrained" + (trained == null ? "" : " vs trained") + " on "
                + (heldOut.isEmpty() ? "" : heldOut.size() + " held-out synthetic tasks and ")
                + "the MLE-bench-format fixture tasks, then writing the report");
        ExperimentConfig.Builder builder = common("quickstart-eval")
                .seeds(LongStream.range(0, sizes.evalSeeds()).boxed().toList())
                .policy("untrained", POLICY, Map.of())
                .baseline("untrained x " + SCAFFOLD);
        if (!heldOut.isEmpty()) {
            builder.suite("synthetic", workDir.resolve("tasks"), heldOut.stream().map(Task::id).toList());
        }
        if (Files.isDirectory(fixtures)) {
            builder.suite("mle-bench-lite", fixtures, List.of());
        } else {
            out.println("      The fixture tasks are not at " + fixtures + "; run from the repository root to include them.");
        }
        if (heldOut.isEmpty() && !Files.isDirectory(fixtures)) {
            throw new IllegalStateException("There is nothing to evaluate: no task was generated and no fixture tasks "
                    + "were found; run `./sandmle quickstart` from the repository root.");
        }
        if (trained != null) {
            builder.policy("trained", POLICY, Map.of("checkpoint", trained.checkpoint().toString()));
        }
        Experiment.Evaluated result;
        try (Experiment experiment = Experiment.open(builder.build(), extensions)) {
            if (trained != null) {
                trained.curves().forEach(experiment.store()::appendCurve);
            }
            result = experiment.evaluate(new ConsoleProgress(System.err, false));
        }
        out.print(indent(RunSummary.table(result.summary())));
        done(result.episodes().size() + " episodes in " + result.runDir());
        if (result.report().isEmpty()) {
            out.println("      No report was written: no '" + Experiment.REPORT_WRITER + "' report writer is installed "
                    + "(it comes with the reports module); the results are in " + result.runDir() + "/run.duckdb.");
        }
        return result;
    }

    /** What both of the quickstart's runs share: where runs go, the agent, the executor and the budget. */
    private ExperimentConfig.Builder common(String run) {
        return ExperimentConfig.builder(run).runsDir(workDir.resolve("runs")).scaffolds(SCAFFOLD)
                .executor("local", PARALLEL).budget(sizes.maxTurns(), Duration.ofMinutes(3), Duration.ofMinutes(1));
    }

    private boolean missing(ExtensionKind<?> kind, String name, String what, String consequence) {
        if (extensions.names(kind).contains(name)) {
            return false;
        }
        skip("no '" + name + "' " + kind.id() + " is installed, so " + what + " is skipped and " + consequence
                + " is left out.");
        return true;
    }

    private void begin(String what) {
        step++;
        out.printf(Locale.ROOT, "[%d/4 %s] %s ...%n", step, elapsed(), what);
    }

    private void done(String what) {
        out.println("      done: " + what);
    }

    private void skip(String sentence) {
        out.println("      skipped: " + sentence);
    }

    private String elapsed() {
        long s = (System.nanoTime() - started) / 1_000_000_000L;
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String brief(Map<String, Double> metrics) {
        Map<String, Double> sorted = new TreeMap<>(metrics);
        List<String> parts = new ArrayList<>();
        sorted.forEach((k, v) -> {
            if (parts.size() < 5) {
                parts.add(String.format(Locale.ROOT, "%s=%.3f", k, v));
            }
        });
        return String.join("  ", parts);
    }

    private static String indent(String text) {
        return text.lines().map(l -> "      " + l + "\n").reduce("", String::concat);
    }
}
