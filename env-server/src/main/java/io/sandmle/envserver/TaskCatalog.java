package io.sandmle.envserver;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Grader;
import io.sandmle.api.Task;
import io.sandmle.api.TaskSuite;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.config.SuiteConfig;
import io.sandmle.runner.plugins.Extensions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tasks a server hands out: every configured suite's tasks in id order, each in the {@code train} or
 * {@code validation} split (the last {@code validation-share} of each suite's tasks are validation, so the
 * split never changes while the task folder does not).
 */
final class TaskCatalog {

    static final String TRAIN = "train";
    static final String VALIDATION = "validation";

    /** One servable task with where it comes from. */
    record Entry(String suite, String split, Task task, Grader grader) {
    }

    private final List<Entry> entries;
    private final AtomicLong nextTrain = new AtomicLong();

    private TaskCatalog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static TaskCatalog load(ExperimentConfig config, Extensions extensions) {
        List<Entry> entries = new ArrayList<>();
        for (SuiteConfig s : config.suites()) {
            TaskSuite suite = extensions.create(ExtensionKind.SUITE, s.name());
            List<Task> tasks = suite.load(s.dataDir(), Map.of()).stream()
                    .filter(t -> s.tasks().isEmpty() || s.tasks().contains(t.id()))
                    .sorted(Comparator.comparing(Task::id)).toList();
            int validation = tasks.size() < 2 ? 0 : (int) Math.ceil(tasks.size() * config.server().validationShare());
            for (int i = 0; i < tasks.size(); i++) {
                String split = i >= tasks.size() - validation ? VALIDATION : TRAIN;
                entries.add(new Entry(s.name(), split, tasks.get(i), suite.grader(tasks.get(i))));
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("The config's suites hold no task to serve; check their data-dir "
                    + "(generate tasks with 'sandmle generate --out <folder>').");
        }
        return new TaskCatalog(entries);
    }

    List<Entry> all() {
        return entries;
    }

    /** A task by id, or by {@code <suite>/<id>} when two suites share an id. */
    Optional<Entry> byId(String id) {
        int slash = id.indexOf('/');
        String suite = slash < 0 ? null : id.substring(0, slash);
        String taskId = slash < 0 ? id : id.substring(slash + 1);
        return entries.stream().filter(e -> e.task().id().equals(taskId) && (suite == null || e.suite().equals(suite)))
                .findFirst();
    }

    /** The task a seed picks within a suite's split (the suite may be null for all suites). */
    Optional<Entry> pick(String suite, String split, long seed) {
        List<Entry> pool = entries.stream().filter(e -> (suite == null || e.suite().equals(suite))
                && e.split().equals(split)).toList();
        return pool.isEmpty() ? Optional.empty() : Optional.of(pool.get((int) Math.floorMod(seed, (long) pool.size())));
    }

    /** The next training task, round robin over every suite's train split (all tasks when none is train). */
    Entry next() {
        List<Entry> train = entries.stream().filter(e -> e.split().equals(TRAIN)).toList();
        List<Entry> pool = train.isEmpty() ? entries : train;
        return pool.get((int) Math.floorMod(nextTrain.getAndIncrement(), (long) pool.size()));
    }
}
