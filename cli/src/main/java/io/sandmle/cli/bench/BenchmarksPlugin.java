package io.sandmle.cli.bench;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;

/**
 * The harness's own speed benchmarks, registered as {@link ExtensionKind#BENCHMARK} so that
 * {@code sandmle bench} finds them exactly as it finds a plugin jar's. A new benchmark is one class and its
 * line here.
 */
public final class BenchmarksPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.BENCHMARK, "env-server", EnvServerBenchmark.class);
        registry.add(ExtensionKind.BENCHMARK, "generation", GenerationBenchmark.class);
        registry.add(ExtensionKind.BENCHMARK, "grading", GradingBenchmark.class);
        registry.add(ExtensionKind.BENCHMARK, "grpo", GrpoBenchmark.class);
        registry.add(ExtensionKind.BENCHMARK, "report", ReportBenchmark.class);
        registry.add(ExtensionKind.BENCHMARK, "rollout", RolloutBenchmark.class);
        registry.add(ExtensionKind.BENCHMARK, "shards", ShardsBenchmark.class);
        registry.add(ExtensionKind.BENCHMARK, "steps", StepsBenchmark.class);
    }
}
