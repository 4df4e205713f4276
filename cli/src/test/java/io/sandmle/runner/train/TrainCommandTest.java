package io.sandmle.runner.train;

import io.sandmle.runner.config.RepoFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Task;
import io.sandmle.api.Trajectory;
import io.sandmle.api.codec.TaskJson;
import io.sandmle.cli.SandmleCommand;
import io.sandmle.runner.config.ConfigException;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sandmle train} end to end: two GRPO steps of the embedded policy through the rollout engine, the
 * bubblewrap sandbox and the synthetic suite's grader on two small tasks; then a resume to a third step.
 */
class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainsCheckpointsLogsCurvesAndResumes() throws Exception {
        Path tasks = dir.resolve("tasks");
        copyTask("tiny-a", tasks);
        copyTask("tiny-b", tasks);
        Path config = dir.resolve("train.yaml");
        Files.writeString(config, yaml(tasks, 2));

        assertEquals(SandmleCommand.OK, cli("train", "--config", config.toString()));
        Path run = dir.resolve("runs/grpo-test");
        assertTrue(Files.isRegularFile(run.resolve("checkpoints/step-0001/policy.json")));
        assertTrue(Files.isRegularFile(run.resolve("checkpoints/step-0002/network.params")));
        assertTrue(Files.isRegularFile(run.resolve("config.yaml")));
        try (RunStore store = RunStore.open(run)) {
            assertEquals(List.of(1, 2), steps(store.curves(), "reward"));
            assertEquals(List.of(1, 2), steps(store.curves(), "update_seconds"));
            assertEquals(8, store.episodes().size(), "2 steps x 2 tasks x group of 2");
            assertTrue(store.episodes().stream().anyMatch(r -> r.grade() != null && r.grade().valid()),
                    "some episode was graded valid by the synthetic grader");
            // A group's rollouts are sampled with their own seeds; identical ones would give GRPO no signal.
            int pairs = 0;
            for (EpisodeRecord r : store.episodes()) {
                String sibling = r.episodeId().replaceAll("s\\d+$", "s" + (r.seed() + 1));
                if (store.finishedEpisodeIds().contains(sibling)) {
                    pairs++;
                    assertNotEquals(completions(store.trajectory(r.episodeId())),
                            completions(store.trajectory(sibling)), "rollouts of one group differ: " + sibling);
                }
            }
            assertEquals(4, pairs, "one pair per task and step");
        }

        // Starting the same run again without --resume is refused rather than mixing two runs.
        assertEquals(SandmleCommand.BAD_INPUT, cli("train", "--config", config.toString()));

        Files.writeString(config, yaml(tasks, 3));
        assertEquals(SandmleCommand.OK, cli("train", "--config", config.toString(), "--resume", "grpo-test"));
        assertTrue(Files.isRegularFile(run.resolve("checkpoints/step-0003/policy.json")));
        try (RunStore store = RunStore.open(run)) {
            assertEquals(List.of(1, 2, 3), steps(store.curves(), "reward"), "the resumed run adds step 3 only");
            assertEquals(12, store.episodes().size());
        }
    }

    @Test
    void badTrainingKeysAreOneSentence() {
        String yaml = """
                run: bad
                suites:
                  - name: synthetic
                    data-dir: tasks
                trainer:
                  name: grpo
                  group-size: 1
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "train.yaml"));
        assertEquals("train.yaml line 7: trainer: trainer group-size must be 2 or more (GRPO compares "
                + "rollouts within a group).", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    private static List<String> completions(Trajectory t) {
        return t.turns().stream().map(turn -> turn.response() == null ? "" : turn.response().content()).toList();
    }

    private static int cli(String... args) {
        return SandmleCommand.newCommandLine().execute(args);
    }

    private static List<Integer> steps(List<CurvePoint> curves, String metric) {
        return curves.stream().filter(p -> p.metric().equals(metric)).map(CurvePoint::step).toList();
    }

    private String yaml(Path tasks, int steps) {
        return """
                run: grpo-test
                runs-dir: %s
                suites:
                  - name: synthetic
                    data-dir: %s
                scaffolds: [react]
                executor:
                  parallel: 2
                budget:
                  max-turns: 4
                  step-time: 60s
                trainer:
                  name: grpo
                  reward: dense
                  tasks: %s
                  steps: %d
                  group-size: 2
                  tasks-per-step: 2
                  checkpoint-every: 1
                  seed: 3
                """.formatted(dir.resolve("runs"), tasks, tasks, steps);
    }

    /** The committed tiny-binary fixture under another id. */
    private static void copyTask(String id, Path tasks) throws Exception {
        Path from = RepoFiles.fixtureTasks().resolve("tiny-binary");
        Path to = tasks.resolve(id);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Task t = TaskJson.read(to);
        TaskJson.write(to, new Task(t.schemaVersion(), id, t.title(), t.metric(), t.lowerIsBetter(), t.thresholds(),
                t.modality(), t.taskType(), t.category(), t.attributes(), to));
    }
}
