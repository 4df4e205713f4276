package io.sandmle.runner.config;

import java.nio.file.Path;
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
 */
public record ExperimentConfig(Integer schemaVersion, String run, Path runsDir, List<SuiteConfig> suites,
                               List<Long> seeds, List<String> scaffolds, List<PolicyConfig> policies,
                               SamplingConfig sampling, ExecutorConfig executor, BudgetConfig budget,
                               TrainerConfig trainer, ReportConfig report) {

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
    }

    /** This config with relative data folders and the runs folder resolved against {@code base}. */
    public ExperimentConfig resolvedAgainst(Path base) {
        List<SuiteConfig> resolvedSuites = suites.stream().map(s -> s.resolvedAgainst(base)).toList();
        return new ExperimentConfig(schemaVersion, run, base.resolve(runsDir).normalize(), resolvedSuites, seeds,
                scaffolds, policies, sampling, executor, budget, trainer == null ? null : trainer.resolvedAgainst(base),
                report);
    }

    /** This config under another run name (resuming a run folder the config did not name). */
    public ExperimentConfig withRun(String otherRun) {
        return new ExperimentConfig(schemaVersion, otherRun, runsDir, suites, seeds, scaffolds, policies, sampling,
                executor, budget, trainer, report);
    }

    /** The run folder this experiment writes. */
    public Path runDir() {
        return runsDir.resolve(run);
    }
}
