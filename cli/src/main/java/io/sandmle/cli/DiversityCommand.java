package io.sandmle.cli;

import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Limits;
import io.sandmle.api.codec.TaskJson;
import io.sandmle.cli.diversity.RecipeDiversity;
import io.sandmle.cli.diversity.RecipeDiversityReport;
import io.sandmle.cli.diversity.RecipeGrid;
import io.sandmle.cli.diversity.RecipeTrials;
import io.sandmle.cli.diversity.TaskSplit;
import io.sandmle.cli.diversity.TaskTrials;
import io.sandmle.runner.env.TaskFolder;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.support.Json;
import io.sandmle.trainers.policy.ActionSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sandmle diversity}: issue 14's recipe-diversity measurement. Runs a grid of the embedded policy's recipes on
 * every task folder in the sandbox, grades each, and compares the best single fixed recipe (chosen on train tasks)
 * with the per-task best on held-out tasks.
 */
@Command(name = "diversity", mixinStandardHelpOptions = true,
        description = "Measure recipe diversity: run the embedded policy's recipes on every task, then compare the "
                + "best fixed recipe (chosen on train tasks) with the per-task best on held-out tasks.")
public final class DiversityCommand implements Callable<Integer> {

    @Mixin
    PluginPathOption pluginPath;

    @Option(names = "--tasks", required = true, paramLabel = "<dir>",
            description = "A folder of task folders, e.g. the output of 'sandmle generate'.")
    Path tasksDir;

    @Option(names = "--held-out", paramLabel = "<dir>",
            description = "A second folder of task folders, all held out (then every task of --tasks is a train task; "
                    + "e.g. tasks generated from other seed competitions).")
    Path heldOutDir;

    @Option(names = "--train-share", paramLabel = "<share>",
            description = "Share of the --tasks folder the best fixed recipe is chosen on, the rest held out (default: 0.5;"
                    + " not with --held-out).")
    Double trainShare;

    @Option(names = "--recipes", defaultValue = "honest",
            description = "Action space: honest (default, the policy's) or all (the library with its traps).")
    String recipes;

    @Option(names = "--grid", defaultValue = "representative",
            description = "representative (default: model x capacity x ensemble x target transform, 88 honest "
                    + "recipes) or full (every combination: 576 honest recipes).")
    String grid;

    @Option(names = "--recipe", paramLabel = "<head=option ...>",
            description = "Try only these recipes, written as the policy's recipe comment (e.g. 'model=forest "
                    + "capacity=high'; other heads at their default); repeatable, replaces --grid.")
    List<String> listedRecipes = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "<seed>",
            description = "Seed of the train/held-out split of one folder (default: 0; not with --held-out).")
    Long seed;

    @Option(names = "--out", paramLabel = "<file.json>", description = "Also write the full result as JSON.")
    Path out;

    @Option(names = "--executor", defaultValue = "local", description = "Executor the recipes run in (default: ${DEFAULT-VALUE}).")
    String executor;

    @Option(names = "--parallel", defaultValue = "2", description = "Tasks run at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--wall-seconds", defaultValue = "120", description = "Wall-time limit of one recipe's run (default: ${DEFAULT-VALUE}).")
    long wallSeconds;

    @Option(names = "--work-dir", paramLabel = "<dir>",
            description = "Where each task's episode folder goes (default: a temporary folder).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        RecipeGrid chosenGrid = listedRecipes.isEmpty() ? grid(space(recipes), grid)
                : RecipeGrid.listed(space(recipes), listedRecipes);
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, not " + parallel + ".");
        }
        Extensions extensions = pluginPath.load();
        List<TaskFolder> tasks = new ArrayList<>(taskFolders(tasksDir, extensions));
        TaskSplit split;
        if (heldOutDir != null) {
            if (trainShare != null || seed != null) {
                throw new IllegalArgumentException("--train-share and --seed split one folder; with --held-out the "
                        + "split is the two folders, so leave them out.");
            }
            List<TaskFolder> heldOut = taskFolders(heldOutDir, extensions);
            split = TaskSplit.folders(ids(tasks), ids(heldOut));
            tasks.addAll(heldOut);
        } else {
            split = TaskSplit.of(ids(tasks), trainShare == null ? 0.5 : trainShare, seed == null ? 0 : seed);
        }
        Path work = workDir != null ? workDir : Files.createTempDirectory("sandmle-diversity-");
        long start = System.nanoTime();
        List<TaskTrials> trials;
        try (Executor ex = extensions.create(ExtensionKind.EXECUTOR, executor)) {
            trials = new RecipeTrials(extensions, ex, Limits.defaults().withWallTime(Duration.ofSeconds(wallSeconds)),
                    parallel, work).run(tasks, chosenGrid.recipes(), System.err);
        }
        RecipeDiversityReport report = new RecipeDiversityReport(
                RecipeDiversity.measure(trials, chosenGrid.recipes().size(), split), chosenGrid, trials, request(),
                (System.nanoTime() - start) / 1e9);
        System.out.print(report.table());
        if (out != null) {
            Json.writeFile(out, report.json());
            System.err.println("sandmle: wrote " + out);
        }
        return SandmleCommand.OK;
    }

    private static List<String> ids(List<TaskFolder> tasks) {
        return tasks.stream().map(t -> t.task().id()).toList();
    }

    /** Every folder directly under {@code dir} that holds a task.json, sorted by name. */
    static List<TaskFolder> taskFolders(Path dir, Extensions extensions) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--tasks " + dir + " is not a folder; give the folder 'sandmle generate "
                    + "--out' wrote.");
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> taskDirs = children.filter(TaskJson::isIn).sorted().toList();
            if (taskDirs.isEmpty()) {
                throw new IllegalArgumentException("--tasks " + dir + " holds no task folder (a folder with task.json); "
                        + "give the folder 'sandmle generate --out' wrote.");
            }
            List<TaskFolder> tasks = taskDirs.stream().map(d -> TaskFolder.load(d, extensions)).toList();
            if (tasks.stream().anyMatch(t -> t.grader() == null)) {
                throw new IllegalArgumentException("grading needs the '" + TaskFolder.SUITE + "' suite, which no loaded "
                        + "plugin provides; run 'sandmle plugins' to see the suites.");
            }
            // The split and the per-task table are keyed by task id.
            if (tasks.stream().map(t -> t.task().id()).distinct().count() < tasks.size()) {
                throw new IllegalArgumentException("--tasks " + dir + " holds two task folders with the same task id; "
                        + "keep one of each.");
            }
            return tasks;
        }
    }

    private static ActionSpace space(String name) {
        return switch (name) {
            case "honest" -> ActionSpace.HONEST;
            case "all" -> ActionSpace.WITH_TRAPS;
            default -> throw new IllegalArgumentException("--recipes must be 'honest' or 'all', not '" + name + "'.");
        };
    }

    private static RecipeGrid grid(ActionSpace space, String name) {
        return switch (name) {
            case "representative" -> RecipeGrid.representative(space);
            case "full" -> RecipeGrid.full(space);
            default -> throw new IllegalArgumentException("--grid must be 'representative' or 'full', not '" + name + "'.");
        };
    }

    private Map<String, Object> request() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("tasks", tasksDir.toString());
        if (heldOutDir != null) {
            request.put("held_out", heldOutDir.toString());
        } else {
            request.put("train_share", trainShare == null ? 0.5 : trainShare);
        }
        request.put("recipes", recipes);
        request.put("grid", grid);
        if (heldOutDir == null) {
            request.put("seed", seed == null ? 0 : seed);
        }
        request.put("executor", executor);
        request.put("parallel", parallel);
        return request;
    }
}
