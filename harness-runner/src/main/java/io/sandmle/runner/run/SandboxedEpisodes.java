package io.sandmle.runner.run;

import io.sandmle.api.Budget;
import io.sandmle.api.Executor;
import io.sandmle.api.Grader;
import io.sandmle.api.Limits;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.SandboxException;
import io.sandmle.api.Task;
import io.sandmle.runner.env.SandboxedEnvironment;
import io.sandmle.runner.rollout.EnvironmentFactory;
import java.nio.file.Path;

/**
 * Opens every episode as a {@link SandboxedEnvironment} on one executor with one set of step limits, the
 * wall-time limit of a step being the episode budget's step time.
 */
public record SandboxedEpisodes(Executor executor, Limits limits) implements EnvironmentFactory {

    @Override
    public MleEnvironment open(Task task, Grader grader, Path episodeDir, Budget budget) throws SandboxException {
        return SandboxedEnvironment.open(task, grader, executor, episodeDir, limits.withWallTime(budget.stepTime()));
    }
}
