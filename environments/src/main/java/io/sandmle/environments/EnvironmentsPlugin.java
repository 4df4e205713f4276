package io.sandmle.environments;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;
import io.sandmle.environments.metrics.Metrics;
import io.sandmle.environments.mlebench.MleBenchLiteSuite;
import io.sandmle.environments.mledojo.MleDojoSuite;
import io.sandmle.environments.suites.SyntheticSuite;

/** Registers the grading suites and every metric of the environments module. */
public final class EnvironmentsPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.SUITE, "mle-bench-lite", MleBenchLiteSuite.class);
        registry.add(ExtensionKind.SUITE, "mle-dojo", MleDojoSuite.class);
        registry.add(ExtensionKind.SUITE, "synthetic", SyntheticSuite.class);
        registry.add(ExtensionKind.METRIC, "roc-auc", Metrics.RocAucMetric.class);
        registry.add(ExtensionKind.METRIC, "log-loss", Metrics.LogLossMetric.class);
        registry.add(ExtensionKind.METRIC, "accuracy", Metrics.AccuracyMetric.class);
        registry.add(ExtensionKind.METRIC, "qwk", Metrics.QwkMetric.class);
        registry.add(ExtensionKind.METRIC, "rmse", Metrics.RmseMetric.class);
        registry.add(ExtensionKind.METRIC, "mcrmse", Metrics.McrmseMetric.class);
        registry.add(ExtensionKind.METRIC, "rmsle", Metrics.RmsleMetric.class);
        registry.add(ExtensionKind.METRIC, "mse", Metrics.MseMetric.class);
        registry.add(ExtensionKind.METRIC, "mae", Metrics.MaeMetric.class);
        registry.add(ExtensionKind.METRIC, "r2", Metrics.R2Metric.class);
        registry.add(ExtensionKind.METRIC, "f1", Metrics.F1BinaryMetric.class);
        registry.add(ExtensionKind.METRIC, "f1-macro", Metrics.F1MacroMetric.class);
        registry.add(ExtensionKind.METRIC, "f1-micro", Metrics.F1MicroMetric.class);
        registry.add(ExtensionKind.METRIC, "f1-weighted", Metrics.F1WeightedMetric.class);
        registry.add(ExtensionKind.METRIC, "map-at-k", Metrics.MapAtKMetric.class);
    }
}
