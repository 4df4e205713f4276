package io.sandmle.runner.env;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Grader;
import io.sandmle.api.Task;
import io.sandmle.api.TaskSuite;
import io.sandmle.api.codec.TaskJson;
import io.sandmle.runner.plugins.Extensions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads one task folder in the synthetic layout (docs/CONTRACTS.md §1) with its grader: through the
 * {@code synthetic} suite when a plugin provides it, otherwise straight from {@code task.json} without a grader.
 *
 * @param task   the task, rooted at the folder
 * @param grader its grader, or {@code null} when no suite could provide one
 */
public record TaskFolder(Task task, Grader grader) {

    /** The suite that reads synthetic task folders and grades them. */
    public static final String SUITE = "synthetic";

    /** Reads {@code dir}; a folder that is not a task is an {@link IllegalArgumentException} naming the fix. */
    public static TaskFolder load(Path dir, Extensions extensions) {
        if (!TaskJson.isIn(dir) || !Files.isDirectory(dir.resolve("prepared/public"))) {
            throw new IllegalArgumentException(dir + " is not a task folder; it needs task.json and prepared/public/ "
                    + "(the synthetic layout).");
        }
        if (extensions.names(ExtensionKind.SUITE).contains(SUITE)) {
            TaskSuite suite = extensions.create(ExtensionKind.SUITE, SUITE);
            List<Task> tasks = suite.load(dir, Map.of());
            if (!tasks.isEmpty()) {
                return new TaskFolder(tasks.get(0), suite.grader(tasks.get(0)));
            }
        }
        return new TaskFolder(TaskJson.read(dir.toAbsolutePath().normalize()), null);
    }
}
