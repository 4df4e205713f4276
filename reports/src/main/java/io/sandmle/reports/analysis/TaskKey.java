package io.sandmle.reports.analysis;

/** A task across suites: the same id in two suites is two tasks. */
public record TaskKey(String suite, String taskId, String category) implements Comparable<TaskKey> {

    @Override
    public int compareTo(TaskKey o) {
        int c = suite.compareTo(o.suite);
        return c != 0 ? c : taskId.compareTo(o.taskId);
    }

    /** Short label for tables and axes. */
    public String label() {
        return taskId;
    }
}
