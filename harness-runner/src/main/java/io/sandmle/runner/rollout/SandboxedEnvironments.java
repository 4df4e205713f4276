package io.sandmle.runner.rollout;

import io.sandmle.api.Budget;
import io.sandmle.api.Executor;
import io.sandmle.api.Grader;
import io.sandmle.api.Limits;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.SandboxException;
import io.sandmle.api.Task;
import io.sandmle.runner.env.SandboxedEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * Opens every episode as a {@link SandboxedEnvironment} on one executor, agent code run by {@code python}. A code
 * step gets the configured limits, with its wall time cut to the budget's step time or the episode's whole time
 * when either is shorter (no one step outlasts its episode).
 */
public record SandboxedEnvironments(Executor executor, Limits limits, String python) implements EnvironmentFactory {

    @Override
    public MleEnvironment open(Task task, Grader grader, Path episodeDir, Budget budget) throws SandboxException {
        Duration wall = Collections.min(List.of(limits.wallTime(), budget.stepTime(), budget.episodeTime()));
        Limits step = wall.equals(limits.wallTime()) ? limits : limits.withWallTime(wall);
        return SandboxedEnvironment.open(task, grader, executor, episodeDir, step, python, false);
    }
}
