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
        for (String name : Metrics.names()) {
            registry.add(ExtensionKind.METRIC, name, () -> Metrics.byName(name));
        }
    }
}
