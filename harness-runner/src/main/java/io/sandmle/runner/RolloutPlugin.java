package io.sandmle.runner;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;
import io.sandmle.runner.llm.OpenAiPolicyProvider;

/** The runner's own policy: {@code openai}, any OpenAI-compatible endpoint. */
public final class RolloutPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.POLICY, "openai", OpenAiPolicyProvider.class);
    }
}
