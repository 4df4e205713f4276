package io.sandmle.runner;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;
import io.sandmle.support.doubles.FixedScriptPolicyProvider;

/**
 * The core runner's own extension: the policy {@code fixed-script}, the stand-in that always writes the same
 * good script, so configs, tests and benchmarks exercise the whole path without a model.
 */
public final class RunnerPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.POLICY, "fixed-script", FixedScriptPolicyProvider.class);
    }
}
