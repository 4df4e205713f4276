package io.sandmle.runner.rollout;

import io.sandmle.api.MleEnvironment;
import io.sandmle.api.Task;

/** Lets tests in other packages use the engine tests' stand-ins. */
public final class EnginePlansAccess {

    private EnginePlansAccess() {
    }

    public static Task task(String id) {
        return EnginePlans.task(id);
    }

    /** An environment whose every grade is a valid 0.96. */
    public static MleEnvironment environment(Task task) {
        return new StubEnvironment(task, 0.96);
    }
}
