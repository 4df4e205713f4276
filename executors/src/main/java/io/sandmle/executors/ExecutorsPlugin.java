package io.sandmle.executors;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.executors.slurm.SlurmExecutor;

/** Registers the {@code local} (bubblewrap) and {@code slurm} executors. */
public final class ExecutorsPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.EXECUTOR, "local", LocalExecutor.class);
        registry.add(ExtensionKind.EXECUTOR, "slurm", SlurmExecutor.class);
    }
}
