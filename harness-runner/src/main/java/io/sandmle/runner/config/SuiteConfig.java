package io.sandmle.runner.config;

import io.sandmle.support.NearestKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task suite to draw tasks from, and how long each of its episodes may run when not {@code budget.episode-time}.
 *
 * @param name    the suite's registry name ({@code mle-bench-lite}, {@code mle-dojo}, {@code synthetic})
 * @param dataDir the folder holding its tasks; relative paths are relative to the config file
 * @param tasks   task ids to keep; empty keeps every task
 * @param timeLimit  wall time of each episode of this suite's tasks, over the suite's own default (MLE-bench-lite:
 *                   24 h) and {@code budget.episode-time}; {@code null} for those
 * @param timeLimits per task id, a wall time over {@code time-limit}
 */
public record SuiteConfig(String name, Path dataDir, List<String> tasks, Duration timeLimit,
                          Map<String, Duration> timeLimits) {

    public SuiteConfig {
        Checks.require(name != null && !name.isBlank(), "name", "every suite needs a name (e.g. synthetic)");
        Checks.require(dataDir != null, "data-dir", "suite '" + name + "' needs a data-dir");
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        Checks.require(timeLimit == null || positive(timeLimit), "time-limit", "time-limit must be positive");
        timeLimits = timeLimits == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(timeLimits));
        Checks.require(timeLimits.values().stream().allMatch(SuiteConfig::positive), "time-limits",
                "every time-limits entry must be a positive duration");
        for (String id : timeLimits.keySet()) {
            // With the tasks listed a misspelt id is caught here; without, the run names it when it loads the tasks.
            Checks.require(tasks.isEmpty() || tasks.contains(id), "time-limits", "time-limits names '" + id
                    + "', which is not in tasks; " + NearestKey.hint(id, tasks, "tasks"));
        }
    }

    /** A suite keeping {@code tasks}, with no time limit of its own. */
    public SuiteConfig(String name, Path dataDir, List<String> tasks) {
        this(name, dataDir, tasks, null, null);
    }

    /** A copy keeping only {@code kept} tasks, with their time limits. */
    public SuiteConfig withTasks(List<String> kept) {
        Map<String, Duration> theirs = new LinkedHashMap<>(timeLimits);
        theirs.keySet().retainAll(kept);
        return new SuiteConfig(name, dataDir, kept, timeLimit, theirs);
    }

    SuiteConfig resolvedAgainst(Path base) {
        return new SuiteConfig(name, base.resolve(dataDir).normalize(), tasks, timeLimit, timeLimits);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }
}
