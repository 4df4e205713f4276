package io.sandmle.runner.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Task;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.runner.env.SandboxedEnvironment;
import io.sandmle.trainers.policy.PromptReader;
import io.sandmle.trainers.policy.PromptView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded policy's prompt features read what a generated task's description really says: on the ReAct
 * scaffold's real first prompt for a task of every modality, each parsed feature equals the task's truth taken
 * from its task.json and its public files.
 */
class PromptFeaturesOnGeneratedTasksTest {

    /** Feature columns that hold a medium or free text, not categories. */
    private static final Set<String> NOT_CATEGORICAL = Set.of("image_path", "audio_path", "text");

    @Test
    void everyFeatureOfEveryModalityMatchesTheTask(@TempDir Path dir) throws Exception {
        List<String> missingValues = new ArrayList<>();
        List<String> complete = new ArrayList<>();
        Set<String> taskTypes = new HashSet<>();
        try (LocalExecutor sandbox = new LocalExecutor()) {
            for (Map.Entry<String, Task> e : GeneratedTasks.all().entrySet()) {
                Task task = e.getValue();
                PromptView view;
                try (SandboxedEnvironment env = GeneratedTasks.environment(task, sandbox, dir.resolve(e.getKey()))) {
                    view = new PromptReader().read(GeneratedTasks.reactPrompt(env), ResponseFormat.REACT);
                }
                Path pub = task.publicDir();
                List<String[]> train = rows(pub.resolve("train.csv"));
                List<String[]> test = rows(pub.resolve("test.csv"));
                String what = e.getKey() + " (" + task.modality() + ", " + task.taskType() + ")";
                assertEquals(train.size() - 1, view.rows(), what + ": labelled rows");
                assertEquals(task.modality(), view.modality(), what + ": modality");
                assertEquals(taskType(task), view.taskType(), what + ": target kind");
                assertEquals(task.metric().equals("map-at-3") ? "map-at-k" : task.metric(), view.metric(), what + ": metric");
                boolean empty = hasEmptyCell(train) || hasEmptyCell(test);
                assertEquals(empty, view.keywords().contains("missing"), what + ": missing values");
                assertEquals(hasCategorical(train, test), view.keywords().contains("categorical"), what + ": categorical");
                assertEquals(Arrays.asList(test.get(0)).contains("text"), view.keywords().contains("text"),
                        what + ": free text");
                (empty ? missingValues : complete).add(e.getKey());
                taskTypes.add(view.taskType());
            }
        }
        assertTrue(!missingValues.isEmpty() && !complete.isEmpty(),
                "the tasks must include some with and some without empty cells: " + missingValues + " / " + complete);
        assertEquals(Set.of("binary", "multiclass", "multilabel", "ranking", "regression"), taskTypes);
    }

    /**
     * The task type a description can state: the generator writes seq2seq as exact-match classification into
     * canonical forms and forecasting as per-row regression (docs/GENERATOR.md), and its descriptions say so.
     */
    private static String taskType(Task task) {
        return switch (task.taskType()) {
            case "seq2seq" -> "multiclass";
            case "forecasting" -> "regression";
            default -> task.taskType();
        };
    }

    /** The CSV's rows, header first; generated files quote no commas in numbers, and text cells carry none. */
    private static List<String[]> rows(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(line -> line.split(",", -1)).toList();
    }

    private static boolean hasEmptyCell(List<String[]> rows) {
        return rows.stream().skip(1).flatMap(Arrays::stream).anyMatch(String::isEmpty);
    }

    /** A test.csv input column (not the id, a medium or text) with a value that is not a number. */
    private static boolean hasCategorical(List<String[]> train, List<String[]> test) {
        List<String> header = Arrays.asList(test.get(0));
        for (int c = 1; c < header.size(); c++) {
            if (NOT_CATEGORICAL.contains(header.get(c))) {
                continue;
            }
            int column = c;
            if (test.stream().skip(1).map(r -> r[column]).anyMatch(v -> !v.isEmpty() && !isNumber(v))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
