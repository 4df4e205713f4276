package io.sandmle.runner.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where agent code runs.
 *
 * @param name     the executor's registry name ({@code local} or {@code slurm})
 * @param parallel episodes run at once (default 1)
 * @param python   the interpreter agent code runs in (default {@code /usr/bin/python3})
 * @param limits   resource limits of one code step
 * @param settings the executor's own keys (Slurm partition, account …)
 */
public record ExecutorConfig(String name, Integer parallel, Path python, LimitsConfig limits,
                             Map<String, String> settings) {

    /** Debian's interpreter, where python3-sklearn and friends are installed. */
    public static final Path DEFAULT_PYTHON = Path.of("/usr/bin/python3");

    public ExecutorConfig {
        name = Checks.orDefault(name, "local");
        parallel = Checks.orDefault(parallel, 1);
        Checks.require(parallel >= 1, "parallel", "parallel must be 1 or more");
        python = Checks.orDefault(python, DEFAULT_PYTHON);
        limits = Checks.orDefault(limits, LimitsConfig.defaults());
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    static ExecutorConfig defaults() {
        return new ExecutorConfig(null, null, null, null, null);
    }
}
