package ${package};

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;

/**
 * Registers this jar's extensions with the harness. The harness finds this class through
 * {@code META-INF/services/io.sandmle.api.HarnessPlugin}.
 */
public final class ScaffoldPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.SCAFFOLD, ScriptScaffold.NAME, ScriptScaffold.class);
    }
}
