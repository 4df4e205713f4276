package io.sandmle.runner.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Episode;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Executor;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Limits;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Scaffold;
import io.sandmle.api.Trajectory;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.config.RepoFiles;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.support.EpisodeRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MLE-bench-lite's per-competition time limits: 24 h unless the config says otherwise, and at the time-out the
 * submission the agent wrote so far is graded, on the committed MLE-bench-format fixtures in a real sandbox.
 */
class TimeOutSubmissionTest {

    private static final String SPOOKY = "spooky-author-identification";
    private static final String NOMAD = "nomad2018-predict-transparent-conductors";

    @TempDir
    Path dir;

    @Test
    void atTheCompetitionsTimeLimitTheSubmissionWrittenSoFarIsGraded() throws Exception {
        ExperimentConfig config = ConfigLoader.parse("""
                run: time-out
                runs-dir: %s
                suites:
                  - name: mle-bench-lite
                    data-dir: %s
                    tasks: [%s, %s]
                    time-limits:
                      %s: 4s
                seeds: [0]
                scaffolds: [react]
                policies:
                  - name: scripted
                    provider: fixed-script
                """.formatted(dir, RepoFiles.root().resolve("examples/fixtures/mle-bench-lite"), SPOOKY, NOMAD, SPOOKY),
                "test");
        Extensions extensions = Extensions.load(List.of());
        EvalPlan.SuiteTasks lite = new EvalRun(config, extensions).suiteTasks().get(0);
        assertEquals(Map.of(SPOOKY, Duration.ofSeconds(4), NOMAD, Duration.ofHours(24)), lite.timeLimits(),
                "the configured limit, else MLE-bench's 24 h");

        EvalPlan.SuiteTasks spookyOnly = new EvalPlan.SuiteTasks(lite.suite(), lite.impl(),
                lite.tasks().stream().filter(t -> t.id().equals(SPOOKY)).toList(), lite.timeLimits());
        LanguageModel model = extensions.create(ExtensionKind.POLICY, "fixed-script").create(Map.of());
        List<EpisodeSpec> plan = EvalPlan.expand(List.of(spookyOnly), List.of(0L), List.of("writes-then-works"),
                Map.of("scripted", model), config.budget().toBudget(), seed -> config.sampling().toSampling(seed));
        assertEquals(Duration.ofSeconds(4), plan.get(0).budget().episodeTime());
        MemorySink sink = new MemorySink(dir.resolve("episodes"));
        try (Executor executor = new LocalExecutor()) {
            new RolloutEngine("time-out", name -> new WritesThenWorks(),
                    new SandboxedEnvironments(executor, Limits.defaults(), "/usr/bin/python3"), null, 1)
                    .run(plan, sink, Progress.silent());
        }
        EpisodeRecord r = sink.records.get(0);
        Trajectory t = sink.trajectory(r.episodeId());
        assertNull(t.turns().get(1).step().grade(), "the agent itself never had its submission graded");
        assertTrue(t.turns().get(1).step().exec().timedOut(), "its last step was cut at the episode's time");
        assertTrue(r.grade() != null && r.grade().valid(), "the submission written before the time-out: " + r.grade());
        assertEquals("timeout", r.endReason());
        assertTrue(r.wallMillis() < 20_000, "the 60 s step did not outlast the 4 s episode: " + r.wallMillis());
        assertTrue(Files.readString(dir.resolve("episodes").resolve(r.episodeId()).resolve("steps.jsonl"))
                .contains("\"action\":\"score\""), "the collection is in the episode's log");
        assertTrue(r.resources() != null && r.resources().cpuMillis() > 0, "the steps' CPU time: " + r.resources());
        assertNull(r.resources().gpuSeconds(), "no GPU was held");
    }

    /** An agent that copies the sample submission into place, then works on past its time. */
    private static final class WritesThenWorks implements Scaffold {

        @Override
        public ResponseFormat responseFormat() {
            return ResponseFormat.REACT;
        }

        @Override
        public Trajectory run(Episode episode) {
            EpisodeRun run = new EpisodeRun(episode, "writes-then-works", responseFormat());
            String write = "import shutil\nshutil.copy('/data/sample_submission.csv', 'submission.csv')\n";
            run.record(List.of(), null, "python", run.act("python", write, () -> episode.env().python(write)), null);
            String work = "import time\nsum(range(10**6))\ntime.sleep(60)\n";
            run.record(List.of(), null, "python", run.act("python", work, () -> episode.env().python(work)), null);
            return run.finish("timeout", null);
        }
    }
}
