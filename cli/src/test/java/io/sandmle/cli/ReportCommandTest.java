package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.cli.bench.SyntheticEpisodes;
import io.sandmle.runner.store.RunStore;
import io.sandmle.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sandmle report} end to end through the plugin loader (the runner never imports the reports module). */
class ReportCommandTest {

    @TempDir
    Path work;

    @BeforeEach
    void fewReplicates() {
        System.setProperty("sandmle.report.reps", "300");
    }

    @AfterEach
    void restore() {
        System.clearProperty("sandmle.report.reps");
    }

    @Test
    void writesHtmlPdfAndFiguresFromEpisodeFilesAndRunFolders() throws Exception {
        List<EpisodeRecord> episodes = SyntheticEpisodes.generate(3, 12, 4, 9);
        Path file = work.resolve("episodes.jsonl");
        List<String> lines = new ArrayList<>();
        for (EpisodeRecord e : episodes.subList(0, 96)) {
            lines.add(Json.write(e));
        }
        lines.add("{not json");
        Files.write(file, lines);
        Path run = work.resolve("runs/run-2");
        try (RunStore store = RunStore.open(run)) {
            for (EpisodeRecord e : episodes.subList(96, episodes.size())) {
                store.append(e, new Trajectory(Trajectory.SCHEMA_VERSION, e.episodeId(), e.taskId(), "react", "embedded",
                        e.seed(), List.of(), e.grade(), e.endReason(), e.wallMillis()));
            }
            for (int step = 0; step < 5; step++) {
                store.appendCurve(new CurvePoint("run-2", "system-1", step, "reward", 0.1 * step));
            }
        }
        Path out = work.resolve("report");
        StringWriter err = new StringWriter();
        var cli = SandmleCommand.newCommandLine();
        cli.setErr(new PrintWriter(err));
        PrintStream oldErr = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true));
        int code;
        try {
            code = cli.execute("report", run.toString(), "--episodes", file.toString(), "--out", out.toString(),
                    "--baseline", "system-0");
        } finally {
            System.setErr(oldErr);
        }
        assertEquals(0, code, err + stderr.toString());
        assertTrue(stderr.toString().contains("Skipped 1 unreadable line(s)"), stderr.toString());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("3 systems, 12 tasks"), "all episodes from both sources were used");
        assertTrue(html.contains("Learning curve of &#39;reward&#39;") || html.contains("Learning curve of 'reward'"),
                "curve points of the run store reach the report");
        assertTrue(Files.size(out.resolve("report.pdf")) > 10_000);
        assertTrue(Files.exists(out.resolve("figures/aggregates-forest.svg")));
    }

    @Test
    void pairsChoosesTheUnitOfThePairedTestsAndRefusesAnythingElse() throws Exception {
        Path file = work.resolve("episodes.jsonl");
        List<String> lines = new ArrayList<>();
        for (EpisodeRecord e : SyntheticEpisodes.generate(2, 6, 3, 5)) {
            lines.add(Json.write(e));
        }
        Files.write(file, lines);
        StringWriter err = new StringWriter();
        var cli = SandmleCommand.newCommandLine();
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("report", "--episodes", file.toString(), "--out", work.resolve("o").toString(),
                "--pairs", "episode");
        int refused = cli.execute("report", "--episodes", file.toString(), "--out", work.resolve("p").toString(),
                "--pairs", "tasks");

        assertEquals(0, code, err.toString());
        assertTrue(Files.readString(work.resolve("o/index.html")).contains("Pairs (task, seed)"));
        assertEquals(SandmleCommand.BAD_INPUT, refused);
        assertTrue(err.toString().contains("--pairs is 'task' or 'episode', not 'tasks'."), err.toString());
    }

    @Test
    void missingInputIsOneSentenceAndExitCode2() {
        StringWriter err = new StringWriter();
        var cli = SandmleCommand.newCommandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("report", work.resolve("nope").toString(), "--out", work.resolve("o").toString());
        assertEquals(SandmleCommand.BAD_INPUT, code);
        assertTrue(err.toString().startsWith("sandmle: Run '") && err.toString().contains("is not a run folder"),
                err.toString());
    }
}
