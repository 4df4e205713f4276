package io.sandmle.scaffolds;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;
import io.sandmle.scaffolds.aide.AideScaffold;
import io.sandmle.scaffolds.aira.AiraGreedyScaffold;
import io.sandmle.scaffolds.mleagent.MleAgentScaffold;
import io.sandmle.scaffolds.react.ReactScaffold;

/** Registers the four agent loops: {@code react}, {@code aide}, {@code mle-agent}, {@code aira-greedy}. */
public final class ScaffoldsPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.SCAFFOLD, "react", ReactScaffold.class);
        registry.add(ExtensionKind.SCAFFOLD, "aide", AideScaffold.class);
        registry.add(ExtensionKind.SCAFFOLD, "mle-agent", MleAgentScaffold.class);
        registry.add(ExtensionKind.SCAFFOLD, "aira-greedy", AiraGreedyScaffold.class);
    }
}
