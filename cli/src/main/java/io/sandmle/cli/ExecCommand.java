package io.sandmle.cli;

import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Grade;
import io.sandmle.api.Limits;
import io.sandmle.api.SandboxSpec;
import io.sandmle.api.StepRecord;
import io.sandmle.runner.env.SandboxedEnvironment;
import io.sandmle.runner.env.TaskFolder;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.support.ControlCharacters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sandmle exec}: runs one code step on a task exactly as an agent's PythonInterpreter would. */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Run one Python file as an agent's code step on a task, in the sandbox, and print what the "
                + "agent would see (then the Score result with --score).")
public final class ExecCommand implements Callable<Integer> {

    @Mixin
    PluginPathOption pluginPath;

    @Option(names = "--task", required = true, paramLabel = "<task-dir>",
            description = "A task folder in the synthetic layout (task.json, prepared/public/).")
    Path taskDir;

    @Parameters(index = "0", paramLabel = "<code.py>", description = "The Python file to run.")
    Path code;

    @Option(names = "--executor", defaultValue = "local", description = "Executor: local (default) or slurm.")
    String executor;

    @Option(names = "--episode-dir", paramLabel = "<dir>",
            description = "Where the episode's work folder and logs go (default: runs/exec/<time>).")
    Path episodeDir;

    @Option(names = "--wall-seconds", defaultValue = "300", description = "Wall-time limit of the step (default 300).")
    long wallSeconds;

    @Option(names = "--score", description = "Also grade submission.csv with the task's grader, as Score does.")
    boolean score;

    @Option(names = "--unsafe", description = "Run without bubblewrap if it is missing (no isolation at all).")
    boolean unsafe;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(code)) {
            throw new IllegalArgumentException(code + " is not a file; give the Python file to run.");
        }
        Extensions extensions = pluginPath.load();
        TaskFolder folder = TaskFolder.load(taskDir, extensions);
        if (score && folder.grader() == null) {
            throw new IllegalArgumentException("--score needs the '" + TaskFolder.SUITE + "' suite's grader, which no "
                    + "loaded plugin provides; run 'sandmle plugins' to see the suites.");
        }
        Path dir = episodeDir != null ? episodeDir
                : Path.of("runs", "exec", Instant.now().toString().replace(':', '-'));
        Limits limits = Limits.defaults().withWallTime(Duration.ofSeconds(wallSeconds));
        try (Executor ex = extensions.create(ExtensionKind.EXECUTOR, executor);
             SandboxedEnvironment env = SandboxedEnvironment.open(folder.task(), folder.grader(), ex, dir, limits,
                     SandboxSpec.DEFAULT_PYTHON, unsafe)) {
            StepRecord step = env.python(read(code));
            // Agent output: a terminal would execute the escape sequences it prints.
            System.out.println(ControlCharacters.escape(step.observation()));
            boolean ok = step.exec().succeeded();
            if (score) {
                StepRecord graded = env.score();
                System.out.println(ControlCharacters.escape(graded.observation()));
                Grade g = graded.grade();
                ok &= g != null && g.valid();
            }
            System.err.println("sandmle: episode folder " + dir.toAbsolutePath());
            return ok ? SandmleCommand.OK : SandmleCommand.FAILED;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
