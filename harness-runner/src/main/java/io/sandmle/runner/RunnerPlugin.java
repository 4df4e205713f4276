package io.sandmle.runner;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;
import io.sandmle.runner.bench.FixedScriptPolicyProvider;
import io.sandmle.runner.llm.OpenAiPolicyProvider;
import io.sandmle.runner.sandbox.local.LocalExecutor;
import io.sandmle.runner.sandbox.slurm.SlurmExecutor;

/**
 * The runner's own extensions: the {@code local} (bubblewrap) and {@code slurm} executors, and the
 * policies {@code openai} (any OpenAI-compatible endpoint) and {@code fixed-script} (the benchmarks'
 * stand-in that always writes the same good script).
 */
public final class RunnerPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.EXECUTOR, "local", LocalExecutor.class);
        registry.add(ExtensionKind.EXECUTOR, "slurm", SlurmExecutor.class);
        registry.add(ExtensionKind.POLICY, "openai", OpenAiPolicyProvider.class);
        registry.add(ExtensionKind.POLICY, "fixed-script", FixedScriptPolicyProvider.class);
    }
}
