package io.sandmle.runner.config;

import io.sandmle.api.Budget;
import java.time.Duration;

/**
 * What one episode may spend.
 *
 * @param maxTurns    model calls per episode (default 10)
 * @param episodeTime wall time of a whole episode, e.g. {@code 30m}
 * @param stepTime    wall time of one code step, e.g. {@code 5m}
 */
public record BudgetConfig(Integer maxTurns, Duration episodeTime, Duration stepTime) {

    public BudgetConfig {
        Budget d = Budget.defaults();
        maxTurns = Checks.orDefault(maxTurns, d.maxTurns());
        episodeTime = Checks.orDefault(episodeTime, d.episodeTime());
        stepTime = Checks.orDefault(stepTime, d.stepTime());
        Checks.require(maxTurns > 0, "max-turns", "max-turns must be positive");
        Checks.require(!episodeTime.isNegative() && !episodeTime.isZero(), "episode-time", "episode-time must be positive");
        Checks.require(!stepTime.isNegative() && !stepTime.isZero(), "step-time", "step-time must be positive");
    }

    static BudgetConfig defaults() {
        return new BudgetConfig(null, null, null);
    }

    public Budget toBudget() {
        return new Budget(maxTurns, episodeTime, stepTime);
    }
}
