package io.sandmle.runner.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;

/**
 * One experiment: which tasks, which agents (scaffold × policy), how often (seeds), where the code
 * runs, and what to train and report. Absent sections take the defaults of their records; later
 * areas add sections here.
 *
 * @param schemaVersion config format version (1)
 * @param run       the run's name; the run folder is {@code <runs-dir>/<run>}
 * @param runsDir   where run folders live (default {@code runs})
 * @param suites    the task suites to draw tasks from (at least one)
 * @param seeds     repetition seeds; each (task, scaffold, policy) runs once per seed
 * @param scaffolds scaffold names (default {@code react})
 * @param policies  the policies compared (default the embedded policy)
 * @param sampling  sampling parameters sent with every model call
 * @param executor  where and how agent code runs
 * @param budget    per-episode limits on turns and time
 * @param trainer   training settings, or {@code null} when the experiment only evaluates
 * @param report    what the report shows
 * @param server    how {@code sandmle env-server} serves the tasks
 */
public record ExperimentConfig(Integer schemaVersion, String run, Path runsDir, List<SuiteConfig> suites,
                               List<Long> seeds, List<String> scaffolds, List<PolicyConfig> policies,
                               SamplingConfig sampling, ExecutorConfig executor, BudgetConfig budget,
                               TrainerConfig trainer, ReportConfig report, ServerConfig server) {

    public static final int SCHEMA_VERSION = 1;

    public ExperimentConfig {
        schemaVersion = schemaVersion == null ? SCHEMA_VERSION : schemaVersion;
        Checks.require(schemaVersion == SCHEMA_VERSION, "schema-version",
                "schema-version " + schemaVersion + " is not supported; use " + SCHEMA_VERSION);
        Checks.require(run != null && run.matches("[A-Za-z0-9][A-Za-z0-9._-]*"), "run",
                "run must be a name of letters, digits, '.', '_' or '-' (it names the run folder)");
        runsDir = runsDir == null ? Path.of("runs") : runsDir;
        Checks.require(suites != null && !suites.isEmpty(), "suites", "suites must list at least one suite");
        suites = List.copyOf(suites);
        seeds = seeds == null ? List.of(0L) : List.copyOf(seeds);
        Checks.require(!seeds.isEmpty(), "seeds", "seeds must list at least one seed");
        scaffolds = scaffolds == null ? List.of("react") : List.copyOf(scaffolds);
        Checks.require(!scaffolds.isEmpty(), "scaffolds", "scaffolds must list at least one scaffold");
        policies = policies == null ? List.of(PolicyConfig.embedded()) : List.copyOf(policies);
        Checks.require(!policies.isEmpty(), "policies", "policies must list at least one policy");
        Checks.require(policies.stream().map(PolicyConfig::name).distinct().count() == policies.size(), "policies",
                "policies must have distinct names");
        sampling = sampling == null ? SamplingConfig.defaults() : sampling;
        executor = executor == null ? ExecutorConfig.defaults() : executor;
        budget = budget == null ? BudgetConfig.defaults() : budget;
        report = report == null ? ReportConfig.defaults() : report;
        server = server == null ? ServerConfig.defaults() : server;
    }

    /** A config built in code (the quickstart, benchmarks, tests) instead of read from YAML. */
    public static Builder builder(String run) {
        return new Builder(run);
    }

    /** This config with relative data folders and the runs folder resolved against {@code base}. */
    public ExperimentConfig resolvedAgainst(Path base) {
        List<SuiteConfig> resolvedSuites = suites.stream().map(s -> s.resolvedAgainst(base)).toList();
        return new ExperimentConfig(schemaVersion, run, base.resolve(runsDir).normalize(), resolvedSuites, seeds,
                scaffolds, policies, sampling, executor, budget, trainer == null ? null : trainer.resolvedAgainst(base),
                report, server);
    }

    /** This config under another run name (resuming a run folder the config did not name). */
    public ExperimentConfig withRun(String otherRun) {
        return new ExperimentConfig(schemaVersion, otherRun, runsDir, suites, seeds, scaffolds, policies, sampling,
                executor, budget, trainer, report, server);
    }

    /** This config with another {@code server:} section (the command line's {@code --port}). */
    public ExperimentConfig withServer(ServerConfig otherServer) {
        return new ExperimentConfig(schemaVersion, run, runsDir, suites, seeds, scaffolds, policies, sampling,
                executor, budget, trainer, report, otherServer);
    }

    /** This config as another run over only some of its tasks and seeds (a selection of a suite's tests). */
    public ExperimentConfig narrowedTo(String otherRun, Path otherRunsDir, List<SuiteConfig> someSuites,
                                       List<Long> someSeeds) {
        return new ExperimentConfig(schemaVersion, otherRun, otherRunsDir, someSuites, someSeeds, scaffolds, policies,
                sampling, executor, budget, trainer, report, server);
    }

    /** The run folder this experiment writes. */
    public Path runDir() {
        return runsDir.resolve(run);
    }

    /** Builds an {@link ExperimentConfig} section by section; what is not set takes the YAML defaults. */
    public static final class Builder {
        private final String run;
        private Path runsDir;
        private final List<SuiteConfig> suites = new ArrayList<>();
        private List<Long> seeds;
        private List<String> scaffolds;
        private final List<PolicyConfig> policies = new ArrayList<>();
        private SamplingConfig sampling;
        private ExecutorConfig executor;
        private BudgetConfig budget;
        private TrainerConfig trainer;
        private ReportConfig report;
        private ServerConfig server;

        private Builder(String run) {
            this.run = run;
        }

        public Builder runsDir(Path dir) {
            this.runsDir = dir;
            return this;
        }

        /** Adds a suite; {@code tasks} empty means all of its tasks. */
        public Builder suite(String name, Path dataDir, List<String> tasks) {
            suites.add(new SuiteConfig(name, dataDir, tasks.isEmpty() ? null : tasks));
            return this;
        }

        public Builder seeds(List<Long> repetitionSeeds) {
            this.seeds = repetitionSeeds;
            return this;
        }

        public Builder scaffolds(String... names) {
            this.scaffolds = List.of(names);
            return this;
        }

        /** Adds a policy by its provider, with the provider's settings. */
        public Builder policy(String name, String provider, Map<String, String> settings) {
            policies.add(new PolicyConfig(name, provider, settings));
            return this;
        }

        public Builder sampling(SamplingConfig section) {
            this.sampling = section;
            return this;
        }

        /** The executor by name, running {@code parallel} episodes at once, with the default limits. */
        public Builder executor(String name, int parallel) {
            return executor(name, parallel, Map.of());
        }

        /** The executor by name with its {@code settings}, running {@code parallel} episodes at once. */
        public Builder executor(String name, int parallel, Map<String, String> settings) {
            this.executor = new ExecutorConfig(name, parallel, null, null, settings);
            return this;
        }

        public Builder budget(int maxTurns, Duration episodeTime, Duration stepTime) {
            this.budget = new BudgetConfig(maxTurns, episodeTime, stepTime);
            return this;
        }

        public Builder trainer(TrainerConfig section) {
            this.trainer = section;
            return this;
        }

        public Builder baseline(String system) {
            this.report = new ReportConfig(null, system, null);
            return this;
        }

        public Builder server(ServerConfig section) {
            this.server = section;
            return this;
        }

        /** The config, checked as a loaded one is; a broken rule throws with its sentence. */
        public ExperimentConfig build() {
            return new ExperimentConfig(null, run, runsDir, suites, seeds, scaffolds,
                    policies.isEmpty() ? null : policies, sampling, executor, budget, trainer, report, server);
        }
    }
}
