package io.sandmle.api;

import java.nio.file.Path;

/**
 * Where and how an episode's code runs.
 *
 * @param workDir    the episode's own read-write folder (becomes the code's working directory)
 * @param inputDir   the task's public folder, mounted read-only; {@code null} for none
 * @param python     the interpreter to run code with (default {@code /usr/bin/python3})
 * @param limits     per-step limits
 * @param allowUnsafe run without isolation when no sandbox tool exists (explicit user opt-in)
 */
public record SandboxSpec(Path workDir, Path inputDir, String python, Limits limits, boolean allowUnsafe) {

    /** The interpreter used when none is configured: Debian's, which sees the ML libraries. */
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";
}
