package io.sandmle.environments.generator;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;

/** Declares the SandMLE generators ({@code procedural}, {@code llm}) and the built-in seed catalog. */
public final class GeneratorPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.GENERATOR, "procedural", ProceduralGenerator.class);
        registry.add(ExtensionKind.GENERATOR, "llm", LlmGenerator.class);
        registry.add(ExtensionKind.SEED_CATALOG, "builtin", BuiltInSeedCatalog.class);
    }
}
