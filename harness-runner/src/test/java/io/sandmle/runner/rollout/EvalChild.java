package io.sandmle.runner.rollout;

import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.store.RunStore;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of the kill test: runs an evaluation from a config with stub environments whose every
 * step takes {@code stepMillis}, so that a kill lands while episodes are in flight.
 */
public final class EvalChild {

    private EvalChild() {
    }

    public static void main(String[] args) {
        ExperimentConfig config = ConfigLoader.load(Path.of(args[0]));
        long stepMillis = Long.parseLong(args[1]);
        try (RunStore store = RunStore.open(config.runDir())) {
            new EvalRun(config, Extensions.load(List.of())).run(store, slowStubs(stepMillis), Progress.silent());
        }
    }

    /** Stub environments (grade 0.8) whose code steps take {@code millis}. */
    static EnvironmentFactory slowStubs(long millis) {
        return (task, grader, dir, budget) -> new StubEnvironment(task, 0.8, millis);
    }
}
