package io.sandmle.runner.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Grade;
import io.sandmle.api.Limits;
import io.sandmle.api.StepRecord;
import io.sandmle.support.doubles.MicroTask;
import io.sandmle.executors.SyntheticGrader;
import io.sandmle.executors.local.LocalExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The MLE environment end to end on the local executor: every action, its text, the record it leaves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxedEnvironmentTest {

    Path root;
    Path episode;
    LocalExecutor executor;
    SandboxedEnvironment env;

    @BeforeAll
    void open() throws Exception {
        root = Files.createTempDirectory("sandmle-env-");
        MicroTask micro = MicroTask.create(root.resolve("task"));
        episode = root.resolve("episode");
        executor = new LocalExecutor();
        env = SandboxedEnvironment.open(micro.task(), SyntheticGrader.of(micro.task()), executor, episode,
                Limits.defaults().withWallTime(Duration.ofSeconds(60)));
    }

    @AfterAll
    void close() {
        env.close();
        executor.close();
    }

    @Test
    void requestInfoAnswersEveryMleDojoType() {
        assertTrue(env.taskPrompt().contains("/data/train.csv") && env.taskPrompt().contains("/work"));
        assertTrue(env.requestInfo("data_path").observation().contains("\"data_path\":\"/data\""));
        assertTrue(env.requestInfo("output_path").observation().contains("\"/work\""));
        String sample = env.requestInfo("sample_submission").observation();
        assertTrue(sample.startsWith("=== Competition Info ===") && sample.contains("\"id\":[\"150\",\"151\",\"152\"]"),
                sample);
        assertTrue(env.requestInfo("data_structure").observation().contains("/data/test.csv"));
        assertTrue(env.requestInfo("all").observation().contains("\"metadata\""));
        assertTrue(env.requestInfo("weather").observation().contains("Unknown info_type 'weather'"));
    }

    @Test
    void pythonThenScoreFollowsSandMleTexts() {
        StepRecord run = env.python(MicroTask.randomForestScript());
        assertTrue(run.observation().startsWith("[Output]\nwrote 50 predictions"), run.observation());
        assertTrue(run.observation().contains("submission.csv exists at /work/submission.csv"));
        StepRecord score = env.score();
        Grade g = score.grade();
        assertTrue(g.valid() && g.score() > 0.8, score.observation());
        assertTrue(score.observation().startsWith("Submission OK"), score.observation());
        assertTrue(score.observation().contains("score_primary (main competition metric for current code)"));
        assertEquals(g.score(), env.bestGrade().score());
    }

    @Test
    void pythonShowsOnlyTheLastTwentyLinesAndStderr() {
        StepRecord r = env.python("import sys\nfor i in range(50):\n    print('line', i)\nprint('oops', file=sys.stderr)\n");
        assertTrue(r.observation().contains("[truncated 30 lines"), r.observation());
        assertTrue(r.observation().contains("line 49") && !r.observation().contains("line 29\n"));
        assertTrue(r.observation().contains("[Stderr]\noops"));
    }

    @Test
    void validateCodeChecksSyntaxRunsAndDeletesTheSubmission() {
        StepRecord bad = env.validateCode("def broken(:\n    pass\n");
        assertTrue(bad.observation().contains("Syntax check: FAILED"), bad.observation());
        assertTrue(bad.observation().contains("SyntaxError"));
        StepRecord ok = env.validateCode(MicroTask.randomForestScript());
        assertTrue(ok.observation().contains("Syntax check: OK") && ok.observation().contains("SUCCESS"),
                ok.observation());
        assertNull(ok.grade());
        assertFalse(Files.exists(episode.resolve("work/submission.csv")));
    }

    @Test
    void executeCodeGradesAndArchivesTheSubmission() throws Exception {
        StepRecord r = env.executeCode(MicroTask.randomForestScript());
        assertNotNull(r.grade());
        assertTrue(r.grade().valid(), r.observation());
        assertTrue(r.observation().contains("Raw score: "), r.observation());
        assertTrue(r.observation().contains("Best raw score so far"));
        assertFalse(Files.exists(episode.resolve("work/submission.csv")));
        try (var archived = Files.list(episode.resolve("submissions"))) {
            assertTrue(archived.anyMatch(p -> p.getFileName().toString().matches("submission_\\d+\\.csv")));
        }
        StepRecord crash = env.executeCode("raise ValueError('boom')");
        assertNull(crash.grade());
        assertTrue(crash.observation().contains("FAILED") && crash.observation().contains("ValueError: boom"));
    }

    @Test
    void everyStepIsRecordedAndResetEmptiesTheWorkFolder() throws Exception {
        env.python("open('notes.txt', 'w').write('x')");
        assertTrue(Files.exists(episode.resolve("work/notes.txt")));
        StepRecord last = env.history().get(env.history().size() - 1);
        assertTrue(last.exec().wallMillis() > 0 && last.exec().peakMemoryBytes() > 0, last.exec().toString());
        long logged = Files.readAllLines(episode.resolve("steps.jsonl")).size();
        assertTrue(logged >= env.history().size());
        env.reset();
        assertTrue(env.history().isEmpty());
        assertFalse(Files.exists(episode.resolve("work/notes.txt")));
        assertTrue(Files.readString(episode.resolve("steps.jsonl")).contains("\"action\":\"reset\""));
    }
}
