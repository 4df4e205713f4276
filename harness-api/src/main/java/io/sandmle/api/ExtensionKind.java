package io.sandmle.api;

import java.util.List;

/**
 * The kinds of extension a plugin can contribute, each tied to the SPI interface its
 * implementations must implement.
 *
 * @param id       the word used in listings and config files (e.g. {@code scaffold})
 * @param contract the SPI interface implementations are bound to
 */
public record ExtensionKind<T>(String id, Class<T> contract) {

    public static final ExtensionKind<Scaffold> SCAFFOLD = new ExtensionKind<>("scaffold", Scaffold.class);
    public static final ExtensionKind<EnvironmentGenerator> GENERATOR =
            new ExtensionKind<>("generator", EnvironmentGenerator.class);
    public static final ExtensionKind<Trainer> TRAINER = new ExtensionKind<>("trainer", Trainer.class);
    public static final ExtensionKind<TaskSuite> SUITE = new ExtensionKind<>("suite", TaskSuite.class);
    public static final ExtensionKind<Metric> METRIC = new ExtensionKind<>("metric", Metric.class);
    public static final ExtensionKind<Executor> EXECUTOR = new ExtensionKind<>("executor", Executor.class);
    public static final ExtensionKind<RewardFunction> REWARD = new ExtensionKind<>("reward", RewardFunction.class);
    public static final ExtensionKind<PolicyProvider> POLICY = new ExtensionKind<>("policy", PolicyProvider.class);
    public static final ExtensionKind<ReportSection> REPORT_SECTION =
            new ExtensionKind<>("report-section", ReportSection.class);
    public static final ExtensionKind<SeedCatalog> SEED_CATALOG = new ExtensionKind<>("seed-catalog", SeedCatalog.class);
    public static final ExtensionKind<ReportWriter> REPORT_WRITER = new ExtensionKind<>("report-writer", ReportWriter.class);
    public static final ExtensionKind<Benchmark> BENCHMARK = new ExtensionKind<>("benchmark", Benchmark.class);

    /** Every kind the runner knows, in the order listings show them. */
    public static List<ExtensionKind<?>> all() {
        return List.of(SCAFFOLD, GENERATOR, TRAINER, SUITE, METRIC, EXECUTOR, REWARD, POLICY,
                REPORT_SECTION, REPORT_WRITER, SEED_CATALOG, BENCHMARK);
    }
}
