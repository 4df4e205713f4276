package io.sandmle.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A named set of tasks and the graders that score them ({@code mle-bench-lite}, {@code mle-dojo},
 * {@code synthetic}). A suite reads tasks from a data folder in its benchmark's own layout.
 */
public interface TaskSuite {

    /** Loads the suite's tasks from {@code dataDir}, skipping (and reporting) unreadable ones. */
    List<Task> load(Path dataDir, Map<String, String> options);

    /** The grader for one of this suite's tasks. */
    Grader grader(Task task);
}
