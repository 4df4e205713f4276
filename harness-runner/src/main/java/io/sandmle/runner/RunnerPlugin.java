package io.sandmle.runner;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;
import io.sandmle.runner.sandbox.local.LocalExecutor;
import io.sandmle.runner.sandbox.slurm.SlurmExecutor;

/** The runner's own extensions: the {@code local} (bubblewrap) and {@code slurm} executors. */
public final class RunnerPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.EXECUTOR, "local", LocalExecutor.class);
        registry.add(ExtensionKind.EXECUTOR, "slurm", SlurmExecutor.class);
    }
}
