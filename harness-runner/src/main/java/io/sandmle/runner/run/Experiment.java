package io.sandmle.runner.run;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ReportInput;
import io.sandmle.api.RewardFunction;
import io.sandmle.api.TrainingResult;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.config.ReportConfig;
import io.sandmle.runner.logging.RunLog;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.EnvironmentFactory;
import io.sandmle.runner.rollout.EpisodeSpec;
import io.sandmle.runner.rollout.EvalPlan;
import io.sandmle.runner.rollout.EvalRun;
import io.sandmle.runner.rollout.Progress;
import io.sandmle.runner.rollout.RunSummary;
import io.sandmle.runner.rollout.SandboxedEnvironments;
import io.sandmle.runner.rollout.Shard;
import io.sandmle.runner.store.DurableFiles;
import io.sandmle.runner.store.RunStore;
import io.sandmle.runner.train.TrainRun;
import io.sandmle.support.Json;
import io.sandmle.support.NearestKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One experiment, opened: its config, the loaded extensions, the run folder's store, the executor, and the
 * sandboxed environments every episode opens. Every command that runs episodes (eval, train, the
 * quickstart, the JUnit engine, the environment server, the benchmarks) goes through here, so the run folder
 * always looks the same: {@code config.yaml} (as first started), {@code provenance.jsonl} (one line per
 * start or resume), {@code sandmle.log} (what was logged while it was open), {@code run.duckdb} and
 * {@code episodes/}.
 */
public final class Experiment implements AutoCloseable {

    /** The report writer a run's report is written with. */
    public static final String REPORT_WRITER = "standard";
    /** The seed of the report's resampling, fixed so a run's report is reproducible. */
    private static final long REPORT_SEED = 20261121L;
    private static final System.Logger LOG = System.getLogger(Experiment.class.getName());

    private final ExperimentConfig config;
    private final Extensions extensions;
    private final RunStore store;
    private final Executor executor;
    private final EnvironmentFactory environments;
    private final RunLog log;
    /** A shard's part of the plan, or {@code null} when this experiment runs the whole config. */
    private final List<EpisodeSpec> shardEpisodes;

    private Experiment(ExperimentConfig config, Extensions extensions, RunStore store, Executor executor, RunLog log,
                       List<EpisodeSpec> shardEpisodes) {
        this.config = config;
        this.shardEpisodes = shardEpisodes;
        this.extensions = extensions;
        this.store = store;
        this.executor = executor;
        this.log = log;
        this.environments = new SandboxedEnvironments(executor, config.executor().limits().toLimits(),
                config.executor().python().toString());
    }

    /**
     * Opens (or reopens, to finish it) the run folder {@code config.runDir()}: keeps the config it was first
     * started with, records this start's provenance, opens the store and the configured executor.
     */
    public static Experiment open(ExperimentConfig config, Extensions extensions) throws IOException {
        return open(config, extensions, config.runDir(), null, null);
    }

    /**
     * Opens (or reopens, to finish it) shard {@code shard} of the config's evaluation: a run folder of its own,
     * {@code <run>/shards/<i>-of-<n>/}, so that the shards' processes share nothing but the file system; its
     * provenance records the shard and the whole plan's fingerprint, which {@link ShardMerge} checks.
     *
     * @throws IllegalArgumentException when the run folder holds an unsharded run, shards of another count, or this
     *                                  shard started with another config
     */
    public static Experiment openShard(ExperimentConfig config, Extensions extensions, Shard shard) throws IOException {
        Path shardDir = shard.folderIn(config.runDir());
        ShardFolders.checkFits(config.runDir(), shard, ConfigLoader.toYaml(config));
        List<EpisodeSpec> plan = new EvalRun(config, extensions).plan();
        return open(config, extensions, shardDir, shard, plan);
    }

    private static Experiment open(ExperimentConfig config, Extensions extensions, Path runDir, Shard shard,
                                   List<EpisodeSpec> plan) throws IOException {
        checkReportSections(config, extensions);
        Files.createDirectories(runDir);
        String yaml = ConfigLoader.toYaml(config);
        Path kept = runDir.resolve("config.yaml");
        if (!Files.exists(kept)) {
            // Atomically: the other shards of a run compare their config with this file while it may be written.
            DurableFiles.writeAtomically(kept, yaml.getBytes(StandardCharsets.UTF_8));
        }
        String fingerprint = plan == null ? null : EvalPlan.fingerprint(EvalPlan.ids(plan));
        Files.writeString(runDir.resolve(Provenance.FILE),
                Json.write(Provenance.now(extensions, yaml, shard, fingerprint)) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        RunStore store = RunStore.open(runDir);
        RunLog log = null;
        try {
            log = RunLog.open(runDir);
            Executor executor = extensions.create(ExtensionKind.EXECUTOR, config.executor().name())
                    .withSettings(config.executor().settings());
            executor.checkRun(config.executor().limits().toLimits(), config.executor().python().toString());
            LOG.log(System.Logger.Level.INFO, "Run {0} opened in {1}: {2} episode(s) recorded, executor {3}",
                    config.run(), runDir, store.finishedEpisodeIds().size(), config.executor().name());
            return new Experiment(config, extensions, store, executor, log, plan == null ? null : shard.select(plan));
        } catch (RuntimeException | IOException e) {
            if (log != null) {
                log.close();
            }
            store.close();
            throw e;
        }
    }

    /** What an evaluation left behind: every episode the run holds, per-system rates, the report if written. */
    public record Evaluated(Path runDir, List<EpisodeRecord> episodes, List<RunSummary.Row> summary,
                            Optional<Path> report) {
    }

    /**
     * Runs the config's evaluation (only the episodes the store lacks) and writes the run's report; a shard runs its
     * part and writes no report (the merge of all shards writes the run's one report).
     */
    public Evaluated evaluate(Progress progress) throws IOException {
        EvalRun eval = new EvalRun(config, extensions);
        if (shardEpisodes != null) {
            List<RunSummary.Row> summary = eval.run(shardEpisodes, store, environments, progress);
            return new Evaluated(store.dir(), store.episodes(), summary, Optional.empty());
        }
        List<RunSummary.Row> summary = eval.run(store, environments, progress);
        return new Evaluated(store.dir(), store.episodes(), summary, writeReport());
    }

    /** Trains the config's {@code trainer:} (continuing from the newest checkpoint when {@code resume}). */
    public TrainingResult train(boolean resume, PrintStream progress) throws Exception {
        return new TrainRun(config, extensions).run(store, environments, resume, progress);
    }

    /**
     * Writes the report of everything the run holds to {@code <run>/report}; empty when no {@code standard}
     * report writer is installed or the run holds no episode.
     */
    public Optional<Path> writeReport() throws IOException {
        return writeReport(config, extensions, store, List.of());
    }

    /** Writes the report of everything {@code store} holds, with {@code caveats} shown at its top. */
    static Optional<Path> writeReport(ExperimentConfig config, Extensions extensions, RunStore store,
                                      List<String> caveats) throws IOException {
        List<EpisodeRecord> episodes = store.episodes();
        if (!extensions.names(ExtensionKind.REPORT_WRITER).contains(REPORT_WRITER) || episodes.isEmpty()) {
            return Optional.empty();
        }
        List<CurvePoint> curves = store.curves();
        Path out = store.reportDir();
        ReportConfig report = config.report();
        var input = new ReportInput(episodes, curves, report.baseline(), REPORT_SEED,
                Map.of("sandmle", Provenance.currentVersion(), "run", config.run()), report.formats(), report.sections(),
                caveats);
        extensions.create(ExtensionKind.REPORT_WRITER, REPORT_WRITER).write(input, out);
        LOG.log(System.Logger.Level.INFO, "Report of {0} episode(s) written to {1}", episodes.size(), out);
        return Optional.of(out.resolve(report.formats().contains("html") ? "index.html" : "report.pdf"));
    }

    /**
     * Refuses, before any episode runs, a {@code report.sections} name the report writer does not know, so a
     * typo costs one sentence rather than the report of a finished run.
     */
    private static void checkReportSections(ExperimentConfig config, Extensions extensions) {
        List<String> wanted = config.report().sections();
        if (wanted.isEmpty() || !extensions.names(ExtensionKind.REPORT_WRITER).contains(REPORT_WRITER)) {
            return;
        }
        List<String> known = extensions.create(ExtensionKind.REPORT_WRITER, REPORT_WRITER).sectionNames();
        for (String name : wanted) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown report section '" + name + "' in report.sections; "
                        + NearestKey.hint(name, known, "sections"));
            }
        }
    }

    /** A fresh instance of the reward function registered as {@code name}. */
    public RewardFunction reward(String name) {
        return extensions.create(ExtensionKind.REWARD, name);
    }

    public ExperimentConfig config() {
        return config;
    }

    public Extensions extensions() {
        return extensions;
    }

    public RunStore store() {
        return store;
    }

    /** Opens each episode's sandboxed environment on the experiment's executor with the configured limits. */
    public EnvironmentFactory environments() {
        return environments;
    }

    @Override
    public void close() {
        try {
            executor.close();
        } finally {
            LOG.log(System.Logger.Level.INFO, "Run {0} closed: {1} episode(s) recorded", config.run(),
                    store.finishedEpisodeIds().size());
            log.close();
            store.close();
        }
    }
}
