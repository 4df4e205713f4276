package io.sandmle.cli;

import io.sandmle.runner.config.RepoFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.runner.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sandmle train}: one real GRPO step of the embedded policy on sandboxed rollouts of the tiny task. */
class TrainCommandTest {

    @TempDir
    Path dir;

    private Path config(String trainer) throws Exception {
        Path tasks = RepoFiles.fixtureTasks();
        Path file = dir.resolve("train.yaml");
        Files.writeString(file, """
                run: train-test
                runs-dir: %s
                suites:
                  - {name: synthetic, data-dir: '%s'}
                scaffolds: [react]
                executor: {name: local, parallel: 2}
                budget: {max-turns: 4, episode-time: 2m, step-time: 1m}
                %s
                """.formatted(dir.resolve("runs"), tasks, trainer));
        return file;
    }

    @Test
    void trainsOneStepAndKeepsCheckpointEpisodesAndCurvesInTheRunFolder() throws Exception {
        CliRun run = CliRun.of("train", "--config", config(
                "trainer: {name: grpo, reward: milestone, settings: {steps: 1, tasks-per-step: 1, group-size: 2}}")
                .toString());

        assertEquals(0, run.exitCode(), run.err());
        Path runDir = dir.resolve("runs/train-test");
        assertTrue(Files.isDirectory(runDir.resolve("checkpoints/step-0001")));
        assertTrue(Files.isRegularFile(runDir.resolve("config.yaml")));
        try (RunStore store = RunStore.open(runDir)) {
            assertEquals(2, store.episodes().size(), "one group of two rollouts");
            assertTrue(store.curves().stream().anyMatch(c -> c.metric().equals("reward") && c.step() == 1));
        }
        CliRun again = CliRun.of("train", "--config", dir.resolve("train.yaml").toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already has checkpoints; pass --resume"), again.err());
    }

    @Test
    void aConfigWithoutTrainerIsOneSentence() throws Exception {
        CliRun run = CliRun.of("train", "--config", config("").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("has no 'trainer:' section; add one"), run.err());
    }
}
