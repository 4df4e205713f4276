package io.sandmle.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import io.sandmle.api.ReportInput;
import io.sandmle.reports.support.DebianTool;
import io.sandmle.reports.support.Reports;
import io.sandmle.reports.testdata.SyntheticRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Awkward inputs still give a complete report (every section, HTML and PDF) that says plainly
 * what could not be computed and why.
 */
class BadInputTest {

    @TempDir
    Path work;

    @Test
    void emptyRuns() throws Exception {
        String text = render(new ReportInput(List.of(), List.of(), null, 1, Map.of()));
        assertTrue(text.contains("No episodes were found in the given runs"));
        assertTrue(text.contains("Pairwise comparisons need at least two systems; the data have 0."));
        assertTrue(text.contains("Rankings need at least two systems"));
    }

    @Test
    void runsWithMissingSeeds() throws Exception {
        String text = render(new SyntheticRuns(3, 12, 4).missing(0.25).input(2, null));
        assertTrue(text.contains("(task, seed) episodes of a full"), "missing seeds are counted and named");
        assertTrue(text.contains("the headline counts them as failures"));
    }

    @Test
    void systemPresentInOneRunOnly() throws Exception {
        List<EpisodeRecord> episodes = new ArrayList<>(new SyntheticRuns(2, 10, 3).episodes(4));
        // A third system that only one (smaller) run contains: 3 of the 10 tasks.
        new SyntheticRuns(1, 3, 3).episodes(9).forEach(e -> episodes.add(new EpisodeRecord(e.schemaVersion(), "run-late",
                e.episodeId(), "newcomer×aide", "suite0", e.taskId(), e.category(), e.seed(), e.grade(), e.reward(),
                e.endReason(), e.wallMillis(), e.turns())));
        String text = render(new ReportInput(episodes, List.of(), "newcomer×aide", 3, Map.of()));
        assertTrue(text.contains("System 'newcomer×aide' has no episodes on 7 of the 10 tasks"));
        assertTrue(text.contains("No task was run by every system") || text.contains("On the 3 tasks every system ran"));
    }

    @Test
    void allTiedScores() throws Exception {
        List<EpisodeRecord> episodes = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            for (int t = 0; t < 6; t++) {
                for (int seed = 0; seed < 3; seed++) {
                    String task = "task-" + t;
                    Grade g = new Grade(1, task, true, true, 0.5, null, Medal.NONE, false, 0.5, null, false);
                    episodes.add(new EpisodeRecord(1, "r", s + task + seed, "sys" + s, "suite", task, "cat" + (t % 2),
                            seed, g, 0.5, "answer", 10, 1));
                }
            }
        }
        String text = render(new ReportInput(episodes, List.of(), null, 5, Map.of()));
        assertTrue(text.contains("Medal outcomes never vary between runs of a task"), "power says why it is absent");
        assertTrue(text.contains("not distinguishable at this sample size"));
        assertTrue(text.contains("n/a"), "tests without non-zero differences show n/a");
    }

    @Test
    void singleTask() throws Exception {
        String text = render(new SyntheticRuns(3, 1, 5).input(6, null));
        assertTrue(text.contains("Harmony needs at least two categories"));
        assertTrue(text.contains("On the 1 tasks every system ran"));
    }

    @Test
    void singleSeedAndUnnamedSystem() throws Exception {
        List<EpisodeRecord> episodes = new ArrayList<>();
        for (EpisodeRecord e : new SyntheticRuns(2, 8, 1).episodes(8)) {
            episodes.add(new EpisodeRecord(1, e.runId(), e.episodeId(), e.system().startsWith("policy0") ? null : e.system(),
                    e.suite(), e.taskId(), e.category(), e.seed(), e.grade(), e.reward(), e.endReason(), e.wallMillis(),
                    e.turns()));
        }
        String text = render(new ReportInput(episodes, List.of(), null, 7, Map.of()));
        assertTrue(text.contains("episodes name no system"));
        assertTrue(text.contains("has one seed, so its SEM is 0"));
        assertTrue(text.contains("[CP "), "with one seed the headline shows Wilson and Clopper–Pearson intervals");
        assertTrue(text.contains("intervals collapse to the point"));
    }

    @Test
    void controlSequencesInNamesAreShownEscapedNeverRaw() throws Exception {
        List<EpisodeRecord> episodes = new ArrayList<>();
        for (EpisodeRecord e : new SyntheticRuns(2, 6, 2).episodes(6)) {
            episodes.add(new EpisodeRecord(1, e.runId(), e.episodeId(), e.system() + "\u001b]0;pwned\u0007",
                    e.suite(), e.taskId() + "\u001b[2J\u009b31m", e.category(), e.seed(), e.grade(), e.reward(),
                    e.endReason(), e.wallMillis(), e.turns()));
        }
        String text = render(new ReportInput(episodes, List.of(), null, 8, Map.of("agent", "\u001b[31mred")));
        assertTrue(text.chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b),
                "no raw control character reaches the HTML or the PDF");
        assertTrue(text.contains("\\x1b]0;pwned\\x07") && text.contains("\\x1b[2J\\x9b31m"),
                "the sequences are shown, escaped");
        try (var svgs = Files.walk(work)) {
            for (Path svg : svgs.filter(p -> p.toString().endsWith(".svg")).toList()) {
                assertTrue(Files.readString(svg).chars().noneMatch(c -> c == 0x1b), "raw ESC in " + svg);
            }
        }
    }

    /** Writes the report, checks both files are complete, and returns the HTML text plus the PDF text. */
    private String render(ReportInput input) throws Exception {
        Path out = Files.createTempDirectory(work, "report");
        Reports.write(input, out);
        String html = Files.readString(out.resolve("index.html"));
        String limitations = html.substring(html.indexOf("<section id=\"limitations\""));
        limitations = limitations.substring(0, limitations.indexOf("</section>"));
        for (String id : Reports.SECTION_IDS) {
            String title = Reports.SECTION_TITLES.get(id);
            assertTrue(html.contains("<section id=\"" + id + "\"") || limitations.contains(title + ": "),
                    "section " + id + " is present, or left out with a sentence in what could not be computed");
        }
        String pdf = DebianTool.run(60, DebianTool.require("pdftotext", "poppler-utils").toString(),
                out.resolve("report.pdf").toString(), "-");
        assertTrue(pdf.contains("What could not be computed"), "the PDF renders too");
        return html.replace("&#39;", "'") + "\n" + pdf;
    }
}
