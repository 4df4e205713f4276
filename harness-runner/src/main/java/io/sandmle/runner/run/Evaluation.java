package io.sandmle.runner.run;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ReportInput;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.EvalRun;
import io.sandmle.runner.rollout.Progress;
import io.sandmle.runner.rollout.RunSummary;
import io.sandmle.runner.rollout.SandboxedEnvironments;
import io.sandmle.runner.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An evaluation as {@code sandmle eval} does it, for callers other than the CLI (the JUnit engine, the
 * quickstart): the run folder with its resolved {@code config.yaml}, episodes run in the sandbox on the
 * configured executor, and the report written by the {@code standard} report writer when one is installed.
 */
public final class Evaluation {

    /** The report writer a run's report is written with. */
    public static final String REPORT_WRITER = "standard";

    /**
     * What an evaluation left behind.
     *
     * @param runDir   the run folder
     * @param episodes every episode the run folder holds
     * @param summary  per-system rates
     * @param report   the report's index.html, or empty when no report writer is installed
     */
    public record Result(Path runDir, List<EpisodeRecord> episodes, List<RunSummary.Row> summary,
                         Optional<Path> report) {
    }

    private final ExperimentConfig config;
    private final Extensions extensions;

    public Evaluation(ExperimentConfig config, Extensions extensions) {
        this.config = config;
        this.extensions = extensions;
    }

    /** Runs (or finishes) the evaluation into {@code config.runDir()} and writes its report. */
    public Result run(Progress progress) throws IOException {
        Path runDir = config.runDir();
        List<EpisodeRecord> episodes;
        List<CurvePoint> curves;
        List<RunSummary.Row> summary;
        try (RunStore store = RunStore.open(runDir);
             Executor executor = extensions.create(ExtensionKind.EXECUTOR, config.executor().name())) {
            Files.writeString(runDir.resolve("config.yaml"), ConfigLoader.toYaml(config));
            var environments = new SandboxedEnvironments(executor, config.executor().limits().toLimits());
            summary = new EvalRun(config, extensions).run(store, environments, progress);
            episodes = store.episodes();
            curves = store.curves();
        }
        return new Result(runDir, episodes, summary, writeReport(runDir, episodes, curves));
    }

    private Optional<Path> writeReport(Path runDir, List<EpisodeRecord> episodes, List<CurvePoint> curves)
            throws IOException {
        if (!extensions.names(ExtensionKind.REPORT_WRITER).contains(REPORT_WRITER) || episodes.isEmpty()) {
            return Optional.empty();
        }
        Path out = runDir.resolve("report");
        var input = new ReportInput(episodes, curves, config.report().baseline(), 20261121L,
                Map.of("sandmle", "0.1.0", "run", config.run()));
        extensions.create(ExtensionKind.REPORT_WRITER, REPORT_WRITER).write(input, out);
        return Optional.of(out.resolve("index.html"));
    }
}
