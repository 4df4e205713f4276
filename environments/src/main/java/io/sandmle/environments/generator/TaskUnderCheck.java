package io.sandmle.environments.generator;

import io.sandmle.api.Executor;
import io.sandmle.api.Grade;
import io.sandmle.api.Grader;
import io.sandmle.api.Task;
import io.sandmle.api.codec.TaskJson;
import io.sandmle.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A generated task as the verifier sees it, read back from disk (so a kept task can be re-verified later):
 * task.json, the rule's secrets, and the grades of the stored ladder submissions (computed once, on demand);
 * with the executor that runs any code the task carries.
 */
final class TaskUnderCheck {

    private final TaskFolder folder;
    private final Task task;
    private final Grader grader;
    private final Executor executor;
    private final Map<String, Grade> grades = new HashMap<>();

    TaskUnderCheck(TaskFolder folder, Grader grader, Executor executor) {
        this.folder = folder;
        this.task = TaskJson.read(folder.root());
        this.grader = grader;
        this.executor = executor;
    }

    TaskFolder folder() {
        return folder;
    }

    Task task() {
        return task;
    }

    Grader grader() {
        return grader;
    }

    /** The sandbox that runs code the task carries (evaluator.py), never the host. */
    Executor executor() {
        return executor;
    }

    Secrets secrets() {
        try {
            return Json.MAPPER.readValue(folder.referenceDir().resolve("secrets.json").toFile(), Secrets.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The grade of a stored ladder submission ({@code prior}, {@code linear} …, {@code leak-probe}). */
    Grade ladderGrade(String rung) {
        return grades.computeIfAbsent(rung, r -> grader.grade(task, folder.ladder(r)));
    }

    /** The scores of every ladder rung (all must be valid: see the {@code reference-ran} check). */
    Map<String, Double> ladderScores() {
        Map<String, Double> scores = new java.util.TreeMap<>();
        for (String rung : ReferenceLadder.RUNGS) {
            scores.put(rung, ladderGrade(rung).score());
        }
        return scores;
    }

    /** The grade of the public sample submission. */
    Grade sampleGrade() {
        return grades.computeIfAbsent("sample", r -> grader.grade(task, folder.publicDir().resolve("sample_submission.csv")));
    }

    /** A grade's score, or {@code null} when the submission was invalid. */
    static Double score(Grade g) {
        return g.valid() ? g.score() : null;
    }

    Path publicDir() {
        return folder.publicDir();
    }
}
