package io.sandmle.runner.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Limits;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.env.SandboxedEnvironment;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real episodes: every scaffold drives the stand-in policy through the sandboxed environment (bubblewrap,
 * warm workers, /usr/bin/python3 with scikit-learn) on the tiny synthetic task, graded by the synthetic suite.
 */
class SandboxedEpisodesTest {

    @TempDir
    Path dir;

    @Test
    void everyScaffoldSolvesTheTinyTaskInTheSandbox() throws Exception {
        Path tasks = Path.of(getClass().getResource("/tasks").toURI());
        ExperimentConfig config = ConfigLoader.parse(EvalRunTest.config(tasks, dir, "sandboxed")
                .replace("scaffolds: [react, mle-agent]", "scaffolds: [react, aide, aira-greedy, mle-agent]")
                .replace("seeds: [0, 1]", "seeds: [0]").replace("max-turns: 5", "max-turns: 3"), "test");
        Extensions extensions = Extensions.load(List.of());
        try (Executor executor = extensions.create(ExtensionKind.EXECUTOR, "local");
             RunStore store = RunStore.open(config.runDir())) {
            EnvironmentFactory envs = (task, grader, d, budget) -> SandboxedEnvironment.open(task, grader, executor, d,
                    Limits.defaults().withWallTime(budget.stepTime()));
            new EvalRun(config, extensions).run(store, envs, Progress.silent());
            List<EpisodeRecord> records = store.episodes();
            assertEquals(4, records.size());
            for (EpisodeRecord r : records) {
                assertTrue(r.grade() != null && r.grade().valid(), r.episodeId() + ": " + r.grade());
                assertTrue(r.grade().score() >= 0.9, r.episodeId() + " scored " + r.grade().score());
                Trajectory t = store.trajectory(r.episodeId());
                Turn ran = t.turns().stream().filter(x -> x.step() != null && x.step().exec() != null).findFirst()
                        .orElseThrow();
                assertEquals(0, ran.step().exec().exitCode(), ran.step().observation());
                assertTrue(ran.step().exec().stdoutTail().contains("Validation metric:"), r.episodeId());
            }
            assertTrue(Files.isDirectory(store.episodeDir(records.get(0).episodeId())));
        }
    }
}
