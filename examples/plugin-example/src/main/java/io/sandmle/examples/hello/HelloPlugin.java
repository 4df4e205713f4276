package io.sandmle.examples.hello;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;

/** Registers {@link HelloScaffold} as the scaffold {@code hello-scaffold}. */
public final class HelloPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.SCAFFOLD, "hello-scaffold", HelloScaffold.class);
    }
}
