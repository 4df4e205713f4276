package io.sandmle.runner.sandbox;

import io.sandmle.api.Grade;
import io.sandmle.api.Grader;
import io.sandmle.api.Medal;
import io.sandmle.api.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small real grader for tests: accuracy of {@code id,target} rows against the task's private answers.
 * Its reasons never quote the answers, so a leak in a test is the sandbox's fault.
 */
public final class AccuracyGrader implements Grader {

    @Override
    public Grade grade(Task task, Path submission) {
        try {
            Map<String, String> answers = rows(task.privateDir().resolve("answers.csv"));
            Map<String, String> submitted = rows(submission);
            if (!submitted.keySet().equals(answers.keySet())) {
                return Grade.invalid(task.id(), true, "The submission's ids do not match the test set's ("
                        + submitted.size() + " rows, expected " + answers.size() + ").", task.thresholds(), false);
            }
            long right = answers.entrySet().stream().filter(e -> e.getValue().equals(submitted.get(e.getKey()))).count();
            double accuracy = (double) right / answers.size();
            return new Grade(Grade.SCHEMA_VERSION, task.id(), true, true, accuracy, null, Medal.NONE,
                    accuracy > task.thresholds().median(), null, task.thresholds(), false);
        } catch (IOException | RuntimeException e) {
            return Grade.invalid(task.id(), true, "The submission is not a readable id,target CSV.", task.thresholds(),
                    false);
        }
    }

    private static Map<String, String> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        Map<String, String> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            out.put(cells[0].trim(), cells[1].trim());
        }
        return out;
    }
}
