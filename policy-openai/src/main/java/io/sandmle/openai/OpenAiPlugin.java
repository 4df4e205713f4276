package io.sandmle.openai;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;

/** Registers the {@code openai} policy: any OpenAI-compatible chat-completions endpoint. */
public final class OpenAiPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.POLICY, "openai", OpenAiPolicyProvider.class);
    }
}
