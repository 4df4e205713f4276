package io.sandmle.runner.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.support.doubles.FixedScriptPolicy;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.openai.OpenAiCompatibleServer;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.store.RunStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An evaluation from a config, through the real plugins, suite and run store (the environment is a stub). */
class EvalRunTest {

    @TempDir
    Path dir;

    static String config(Path tasks, Path runs, String run) {
        return """
                run: %s
                runs-dir: %s
                suites:
                  - name: synthetic
                    data-dir: %s
                seeds: [0, 1]
                scaffolds: [react, mle-agent]
                policies:
                  - name: scripted
                    provider: fixed-script
                executor:
                  parallel: 2
                budget:
                  max-turns: 5
                """.formatted(run, runs, tasks);
    }

    @Test
    void aPolicyBehindAnEndpointIsEvaluatedThroughTheOpenAiProvider() throws Exception {
        Path tasks = Path.of(getClass().getResource("/tasks").toURI());
        try (OpenAiCompatibleServer served = OpenAiCompatibleServer.start(new FixedScriptPolicy(), 0, 2)) {
            String yaml = config(tasks, dir, "over-http").replace("""
                      - name: scripted
                        provider: fixed-script
                    """, """
                      - name: served
                        provider: openai
                        settings:
                          base-url: %s
                          model: fixed-script
                    """.formatted(served.baseUrl()));
            ExperimentConfig config = ConfigLoader.parse(yaml, "test");
            try (RunStore store = RunStore.open(config.runDir())) {
                List<RunSummary.Row> rows = new EvalRun(config, Extensions.load(List.of())).run(store,
                        (task, grader, d, budget) -> new StubEnvironment(task, 0.8), Progress.silent());
                assertEquals(List.of("served x mle-agent", "served x react"),
                        rows.stream().map(RunSummary.Row::system).toList());
                assertTrue(store.episodes().stream().allMatch(r -> r.grade().valid()));
                assertEquals("fixed-script", store.trajectory("synthetic.tiny-binary.react.served.s1").policy());
            }
        }
    }

    @Test
    void expandsTheConfigAndFinishesWithoutRepeating() throws Exception {
        Path tasks = Path.of(getClass().getResource("/tasks").toURI());
        ExperimentConfig config = ConfigLoader.parse(config(tasks, dir, "eval-test"), "test");
        EvalRun eval = new EvalRun(config, Extensions.load(List.of()));
        EnvironmentFactory envs = (task, grader, d, budget) -> new StubEnvironment(task, 0.8);
        List<RunSummary.Row> rows;
        try (RunStore store = RunStore.open(config.runDir())) {
            rows = eval.run(store, envs, Progress.silent());
            assertEquals(4, store.episodes().size());
            assertEquals(List.of("scripted x mle-agent", "scripted x react"),
                    rows.stream().map(RunSummary.Row::system).toList());
            assertTrue(rows.stream().allMatch(r -> r.validRate() == 1.0 && r.aboveMedianRate() == 1.0));
            // Episodes are stored in the order they finish, which load decides; look the planned one up by id.
            EpisodeRecord react = store.episodes().stream()
                    .filter(r -> r.episodeId().equals("synthetic.tiny-binary.react.scripted.s0")).findFirst()
                    .orElseThrow(() -> new AssertionError("no episode s0 of react in " + store.episodes()));
            assertEquals("scripted x react", react.system());
            assertEquals(3, react.turns());
            assertEquals("answered", react.endReason());
            assertEquals(3, store.trajectory(react.episodeId()).turns().size());
            eval.run(store, envs, Progress.silent());
            assertEquals(4, store.episodes().size(), "a second run over a finished plan repeats nothing");
        }
    }
}
