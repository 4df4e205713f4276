package io.sandmle.cli;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ReportInput;
import io.sandmle.api.ReportWriter;
import io.sandmle.runner.report.EpisodeSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sandmle report}: compares the systems of one or more runs and writes index.html,
 * report.pdf and figures/ with the report writer found among the plugins (default {@code standard}). It only reads:
 * a run folder is left as it is, and a run still being written is reported as far as it has got, marked partial.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Compare systems across runs: medal rates, robust aggregates with CIs, paired tests, "
                + "rankings, per-task and per-category breakdowns, power; as HTML and PDF.")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<run>", arity = "0..*", description = "Run folders (runs/<run-id>) or .jsonl files.")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--episodes", paramLabel = "<file.jsonl>", description = "Extra JSON-lines files of episode records.")
    List<Path> episodeFiles = new ArrayList<>();

    @Option(names = "--curves", paramLabel = "<file.jsonl>", description = "JSON-lines files of learning-curve points.")
    List<Path> curveFiles = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Folder for the report.")
    Path out;

    @Option(names = "--baseline", paramLabel = "<system>", description = "The system the others are compared against.")
    String baseline;

    @Option(names = "--seed", defaultValue = "20261121", description = "RNG seed of bootstraps (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--reps", paramLabel = "<n>",
            description = "Bootstrap replicates (default 10000; fewer for a quick look).")
    Integer reps;

    @Option(names = "--writer", defaultValue = "standard", description = "Report writer extension (default ${DEFAULT-VALUE}).")
    String writerName;

    @Option(names = "--pairs", defaultValue = "task", paramLabel = "task|episode",
            converter = PairingConverter.class,
            description = "What paired tests pair: task (runs averaged per task; default) or episode (same task "
                    + "and seed).")
    ReportInput.Pairing pairing;

    @Mixin
    PluginPathOption pluginPath;

    @Override
    public Integer call() throws Exception {
        if (runs.isEmpty() && episodeFiles.isEmpty()) {
            throw new IllegalArgumentException("Name at least one run folder or --episodes file to report on.");
        }
        EpisodeSources sources = new EpisodeSources();
        for (Path run : runs) {
            sources.addRun(run);
        }
        for (Path file : episodeFiles) {
            sources.addJsonLines(file);
        }
        for (Path file : curveFiles) {
            sources.addCurves(file);
        }
        sources.warnings().forEach(w -> System.err.println("sandmle: " + w));
        if (baseline != null && sources.episodes().stream().noneMatch(e -> baseline.equals(e.system()))) {
            System.err.println("sandmle: no episode has system '" + baseline + "'; the report compares all pairs "
                    + "without a baseline family.");
        }
        if (reps != null) {
            if (reps < 100) {
                throw new IllegalArgumentException("--reps must be at least 100 for percentile intervals to mean anything.");
            }
            System.setProperty("sandmle.report.reps", String.valueOf(reps)); // read by the standard writer
        }
        ReportWriter writer = pluginPath.load().create(ExtensionKind.REPORT_WRITER, writerName);
        sources.caveats().forEach(c -> System.err.println("sandmle: " + c));
        ReportInput input = new ReportInput(sources.episodes(), sources.curves(), baseline, seed, provenance(),
                ReportInput.FORMATS, List.of(), sources.caveats(), pairing);
        List<Path> written = writer.write(input, out);
        System.out.printf("Report on %d episodes written to %s (%d files): %s%n", sources.episodes().size(), out,
                written.size(), out.resolve("index.html"));
        return SandmleCommand.OK;
    }

    /** Reads {@code task} or {@code episode}; anything else is one sentence naming both. */
    static final class PairingConverter implements CommandLine.ITypeConverter<ReportInput.Pairing> {
        @Override
        public ReportInput.Pairing convert(String value) {
            return switch (value) {
                case "task" -> ReportInput.Pairing.TASK;
                case "episode" -> ReportInput.Pairing.EPISODE;
                default -> throw new CommandLine.TypeConversionException("--pairs is 'task' or 'episode', not '"
                        + value + "'.");
            };
        }
    }

    private Map<String, String> provenance() {
        Map<String, String> p = new TreeMap<>();
        p.put("sandmle", "0.1.0");
        p.put("inputs", String.join(" ", runs.stream().map(Path::toString).toList())
                + (episodeFiles.isEmpty() ? "" : " --episodes " + episodeFiles));
        p.put("seed", String.valueOf(seed));
        p.put("pairs", pairing.name().toLowerCase(java.util.Locale.ROOT));
        return p;
    }
}
