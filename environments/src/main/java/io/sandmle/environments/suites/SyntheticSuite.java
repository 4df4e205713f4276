package io.sandmle.environments.suites;

import io.sandmle.api.Grader;
import io.sandmle.api.Metric;
import io.sandmle.api.Task;
import io.sandmle.api.TaskSuite;
import io.sandmle.api.codec.TaskJson;
import io.sandmle.environments.grading.CsvGrader;
import io.sandmle.environments.grading.CsvReader;
import io.sandmle.environments.grading.IdAlignment;
import io.sandmle.environments.grading.Rounding;
import io.sandmle.environments.grading.Submission;
import io.sandmle.environments.metrics.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code synthetic} suite: task folders as the generator writes them ({@code task.json},
 * {@code prepared/public/sample_submission.csv}, {@code prepared/private/answers.csv} with the
 * sample submission's columns, id first). {@link #load} accepts one task folder or a folder of them;
 * unreadable task folders are skipped with a note on stderr. Grading checks the submission has
 * exactly the answers' columns and ids, scores the target columns with the metric named in
 * task.json, rounds to 5 decimals as MLE-bench does and awards medals from task.json's thresholds.
 */
public final class SyntheticSuite implements TaskSuite {

    @Override
    public List<Task> load(Path dir, Map<String, String> options) {
        if (TaskJson.isIn(dir)) {
            return List.of(TaskJson.read(dir));
        }
        List<Task> tasks = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                if (TaskJson.isIn(child)) {
                    try {
                        tasks.add(TaskJson.read(child));
                    } catch (IllegalArgumentException e) {
                        System.err.println("sandmle: skipping " + child + ": " + e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot list task folders in " + dir + ": " + e.getMessage() + ".");
        }
        return tasks;
    }

    @Override
    public Grader grader(Task task) {
        Metric metric = Metrics.byName(task.metric());
        return new CsvGrader("answers.csv", (sub, ans) -> score(sub, ans, metric), CsvGrader.mleBench(Rounding.PYTHON),
                CsvReader.DEFAULT_MAX_BYTES);
    }

    private static double score(Submission sub, Submission ans, Metric metric) {
        String id = ans.columns().get(0);
        sub.requireExactColumns(ans.columns());
        int[] order = IdAlignment.align(sub.text(id), ans.text(id), id);
        return sub.scoreTargets(ans, order, metric);
    }
}
