package io.sandmle.runner.rollout;

import io.sandmle.api.Budget;
import io.sandmle.api.Grader;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.SandboxException;
import io.sandmle.api.Task;
import java.nio.file.Path;

/** Opens the environment of one episode (in production a sandboxed environment over an executor). */
@FunctionalInterface
public interface EnvironmentFactory {

    MleEnvironment open(Task task, Grader grader, Path episodeDir, Budget budget) throws SandboxException;
}
