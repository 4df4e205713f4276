package io.sandmle.runner.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A task suite to draw tasks from.
 *
 * @param name    the suite's registry name ({@code mle-bench-lite}, {@code mle-dojo}, {@code synthetic})
 * @param dataDir the folder holding its tasks; relative paths are relative to the config file
 * @param tasks   task ids to keep; empty keeps every task
 */
public record SuiteConfig(String name, Path dataDir, List<String> tasks) {

    public SuiteConfig {
        Checks.require(name != null && !name.isBlank(), "name", "every suite needs a name (e.g. synthetic)");
        Checks.require(dataDir != null, "data-dir", "suite '" + name + "' needs a data-dir");
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    SuiteConfig resolvedAgainst(Path base) {
        return new SuiteConfig(name, base.resolve(dataDir).normalize(), tasks);
    }
}
