package io.sandmle.api.codec;

import io.sandmle.api.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code task.json} of a task folder (docs/CONTRACTS.md §1): the {@link Task} record without its root,
 * indented, keys sorted, LF line endings and a final newline, so a task written twice is the same file.
 */
public final class TaskJson {

    /** The file's name inside a task folder. */
    public static final String FILE_NAME = "task.json";

    private TaskJson() {
    }

    /** Where a task folder keeps its description. */
    public static Path file(Path taskDir) {
        return taskDir.resolve(FILE_NAME);
    }

    /** True when {@code dir} holds a {@code task.json} (it may still be unreadable). */
    public static boolean isIn(Path dir) {
        return Files.isRegularFile(file(dir));
    }

    /**
     * Reads the task of the folder {@code taskDir}, rooted there.
     *
     * @throws IllegalArgumentException in one sentence naming the file, when it is missing, is not a task
     *                                  description or was written by a newer harness
     */
    public static Task read(Path taskDir) {
        Path file = file(taskDir);
        Task task;
        try {
            task = FormatMappers.STABLE.readValue(file.toFile(), Task.class);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(file + " is not a valid task description: " + why + ".", e);
        }
        if (task.schemaVersion() > Task.SCHEMA_VERSION) {
            throw new IllegalArgumentException(file + " has schemaVersion " + task.schemaVersion() + " but this harness "
                    + "reads up to " + Task.SCHEMA_VERSION + "; upgrade the harness to read it.");
        }
        return task.withRoot(taskDir);
    }

    /** Writes {@code task} as the {@code task.json} of the folder {@code taskDir}, which must exist. */
    public static void write(Path taskDir, Task task) {
        try {
            Files.writeString(file(taskDir), text(task));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file(taskDir) + ": " + e.getMessage(), e);
        }
    }

    /** The file's exact text for {@code task}. */
    public static String text(Task task) {
        try {
            return FormatMappers.STABLE.writeValueAsString(task).replace("\r\n", "\n") + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("A task always serialises: " + e.getMessage(), e);
        }
    }
}
