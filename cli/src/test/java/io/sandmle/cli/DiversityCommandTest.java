package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.Task;
import io.sandmle.api.Thresholds;
import io.sandmle.api.codec.TaskJson;
import io.sandmle.cli.diversity.TaskSplit;
import io.sandmle.support.Json;
import io.sandmle.support.doubles.MicroTask;
import io.sandmle.trainers.policy.EmbeddedSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sandmle diversity} on three micro tasks x three recipes, in the real sandbox. */
class DiversityCommandTest {

    private static final List<String> TASKS = List.of("micro-a", "micro-b", "micro-c");

    @TempDir
    Path tmp;

    @Test
    void measuresTheBestFixedRecipeAgainstThePerTaskBestOnHeldOutTasks() throws Exception {
        Path tasks = tmp.resolve("tasks");
        for (String id : TASKS) {
            // micro-c's cut-offs are out of reach, so not every task medals.
            microTask(tasks, id, id.equals("micro-c") ? new Thresholds(0.9999, 0.9998, 0.9997, 0.7) : null);
        }
        Path json = tmp.resolve("diversity.json");
        // The command prints its table on the process's standard output.
        PrintStream stdout = System.out;
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        System.setOut(new PrintStream(table, true, StandardCharsets.UTF_8));
        CliRun run;
        try {
            run = CliRun.of("diversity", "--tasks", tasks.toString(), "--out", json.toString(),
                    "--work-dir", tmp.resolve("work").toString(), "--seed", "3",
                    "--recipe", "model=linear scale=standard", "--recipe", "model=tree capacity=low", "--recipe", "model=knn");
        } finally {
            System.setOut(stdout);
        }
        assertEquals(SandmleCommand.OK, run.exitCode(), run.err());

        JsonNode doc = Json.MAPPER.readTree(json.toFile());
        for (String field : List.of("request", "grid", "train_tasks", "held_out_tasks", "best_fixed",
                "oracle_held_out_medal_rate", "distinct_per_task_best", "target", "per_task", "wall_seconds")) {
            assertTrue(doc.has(field), "missing " + field + ": " + doc);
        }
        assertEquals(3, doc.get("grid").get("recipes").size());

        List<String> train = texts(doc.get("train_tasks"));
        List<String> heldOut = texts(doc.get("held_out_tasks"));
        assertEquals(2, train.size(), "half of 3 tasks, rounded: " + train);
        assertEquals(1, heldOut.size());
        Set<String> all = new HashSet<>(train);
        all.addAll(heldOut);
        assertEquals(Set.copyOf(TASKS), all, "the split covers every task once");
        assertEquals(TaskSplit.of(TASKS, 0.5, 3), new TaskSplit(train, heldOut), "the split is the seed's");

        // What diversity prints for the best fixed recipe is what the embedded policy's recipe setting reads.
        JsonNode bestFixed = doc.get("best_fixed");
        String recipe = bestFixed.get("recipe").asText();
        assertEquals(recipe, EmbeddedSettings.from(Map.of("recipe", bestFixed.get("policy_settings").get("recipe")
                .asText())).recipe().describe());
        String printed = table.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("as an eval policy: {name: best-fixed, provider: embedded, settings: {\"recipe\":\""
                + recipe + "\"}}"), printed);

        double fixed = doc.get("best_fixed").get("held_out_medal_rate").asDouble();
        double oracle = doc.get("oracle_held_out_medal_rate").asDouble();
        assertTrue(oracle >= fixed, "oracle " + oracle + " < best fixed " + fixed);
        JsonNode rows = doc.get("per_task");
        assertEquals(3, rows.size());
        int medals = 0;
        for (JsonNode row : rows) {
            assertEquals(heldOut.contains(row.get("task").asText()) ? "held_out" : "train", row.get("split").asText());
            assertEquals(3, row.get("trials").size());
            for (JsonNode trial : row.get("trials")) {
                assertTrue(trial.get("valid").asBoolean(), "every recipe grades valid on a micro task: " + row);
                medals += trial.get("medal").asText().equals("none") ? 0 : 1;
            }
        }
        assertTrue(medals > 0, "a linear model medals on a linear micro task: " + rows);
        assertEquals("none", rows.get(2).get("best_medal").asText(), "micro-c's cut-offs are out of reach");
    }

    @Test
    void aHeldOutFolderIsTheHeldOutSideWhole() throws Exception {
        Path train = tmp.resolve("train");
        Path heldOut = tmp.resolve("held-out");
        microTask(train, "micro-a", null);
        microTask(train, "micro-b", null);
        microTask(heldOut, "micro-z", null);
        Path json = tmp.resolve("diversity.json");
        CliRun run = CliRun.of("diversity", "--tasks", train.toString(), "--held-out", heldOut.toString(),
                "--out", json.toString(), "--work-dir", tmp.resolve("work").toString(), "--recipe", "model=linear");
        assertEquals(SandmleCommand.OK, run.exitCode(), run.err());
        JsonNode doc = Json.MAPPER.readTree(json.toFile());
        assertEquals(List.of("micro-a", "micro-b"), texts(doc.get("train_tasks")));
        assertEquals(List.of("micro-z"), texts(doc.get("held_out_tasks")));
        assertEquals(heldOut.toString(), doc.get("request").get("held_out").asText());

        CliRun both = CliRun.of("diversity", "--tasks", train.toString(), "--held-out", train.toString());
        assertEquals(SandmleCommand.BAD_INPUT, both.exitCode(), both.err());
        assertTrue(both.err().contains("--tasks and --held-out both hold task micro-a"), both.err());
        CliRun share = CliRun.of("diversity", "--tasks", train.toString(), "--held-out", heldOut.toString(),
                "--train-share", "0.7");
        assertEquals(SandmleCommand.BAD_INPUT, share.exitCode(), share.err());
        assertTrue(share.err().contains("with --held-out the split is the two folders"), share.err());
    }

    @Test
    void aTargetTransformIsNotRerunOnAClassificationTask() throws Exception {
        Path tasks = tmp.resolve("tasks");
        microTask(tasks, "micro-a", null);
        microTask(tasks, "micro-b", null);
        Path json = tmp.resolve("diversity.json");
        Path work = tmp.resolve("work");
        CliRun run = CliRun.of("diversity", "--tasks", tasks.toString(), "--out", json.toString(),
                "--work-dir", work.toString(), "--recipe", "model=linear", "--recipe", "model=linear target=log1p");
        assertEquals(SandmleCommand.OK, run.exitCode(), run.err());
        for (JsonNode row : Json.MAPPER.readTree(json.toFile()).get("per_task")) {
            JsonNode trials = row.get("trials");
            assertEquals(2, trials.size());
            // Accuracy makes the script classify, so log1p would run the raw-target script again: one step, shared.
            assertEquals(trials.get(0).get("score"), trials.get(1).get("score"), row.toString());
            long runs = Files.readAllLines(work.resolve(row.get("task").asText()).resolve("steps.jsonl")).stream()
                    .filter(line -> line.contains("\"action\":\"execute_code\"")).count();
            assertEquals(1, runs, "one sandbox run for the two recipes on " + row.get("task").asText());
        }
    }

    @Test
    void theSplitDependsOnTheSeedNotOnTheListingOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add("task-" + i);
        }
        TaskSplit split = TaskSplit.of(ids, 0.5, 0);
        assertEquals(15, split.train().size());
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        assertEquals(split, TaskSplit.of(reversed, 0.5, 0));
        assertNotEquals(split, TaskSplit.of(ids, 0.5, 1));
    }

    @Test
    void aTasksFolderWithoutTasksIsOneSentenceAndBadInput() throws Exception {
        for (Path bad : List.of(tmp.resolve("missing"), Files.createDirectories(tmp.resolve("empty")))) {
            CliRun run = CliRun.of("diversity", "--tasks", bad.toString());
            assertEquals(SandmleCommand.BAD_INPUT, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("sandmle: --tasks " + bad), run.err());
            assertEquals(1, run.err().strip().lines().count(), "one sentence: " + run.err());
        }
    }

    /** A micro task in {@code dir}/{@code id} with that id and the given cut-offs ({@code null}: its own). */
    private static void microTask(Path dir, String id, Thresholds cut) throws Exception {
        Task t = MicroTask.create(dir.resolve(id)).task();
        TaskJson.write(t.root(), new Task(t.schemaVersion(), id, t.title(), t.metric(), t.lowerIsBetter(),
                cut == null ? t.thresholds() : cut, t.modality(), t.taskType(), t.category(), t.attributes(), t.root()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
