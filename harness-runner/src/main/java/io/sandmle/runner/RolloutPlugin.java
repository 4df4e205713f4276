package io.sandmle.runner;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;
import io.sandmle.runner.bench.FixedScriptPolicyProvider;
import io.sandmle.runner.llm.OpenAiPolicyProvider;

/**
 * The runner's own policies: {@code openai} (any OpenAI-compatible endpoint) and {@code fixed-script}
 * (the benchmark's stand-in that always writes the same good script).
 */
public final class RolloutPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.POLICY, "openai", OpenAiPolicyProvider.class);
        registry.add(ExtensionKind.POLICY, "fixed-script", FixedScriptPolicyProvider.class);
    }
}
