package io.sandmle.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ReportInput;
import io.sandmle.api.ReportSection;
import io.sandmle.reports.sections.Settings;
import io.sandmle.reports.testdata.SyntheticRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sections from report-section plugins are included; a failing one becomes a notice, not a failed report. */
class PluginSectionTest {

    @Test
    void pluginSectionsAreRenderedAndFailuresContained(@TempDir Path out) throws Exception {
        ReportSection episodes = new ReportSection() {
            @Override
            public String title() {
                return "Episode count (plugin)";
            }

            @Override
            public String renderHtml(ReportInput input) {
                return "<p id=\"count\">" + input.episodes().size() + " episodes</p>";
            }
        };
        ReportSection broken = new ReportSection() {
            @Override
            public String title() {
                return "Broken";
            }

            @Override
            public String renderHtml(ReportInput input) {
                throw new IllegalStateException("no leaderboard");
            }
        };
        ReportInput input = new SyntheticRuns(2, 5, 2).input(1, null);
        new StandardReportWriter(new Settings(200, 100, 500, 10, 1, 1), Map.of("count", episodes, "broken", broken))
                .write(input, out);
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<section id=\"plugin-count\""));
        assertTrue(html.contains("<p id=\"count\">20 episodes</p>"));
        assertTrue(html.contains("The report-section plugin 'broken' failed (java.lang.IllegalStateException: "
                + "no leaderboard)"));
        assertTrue(html.indexOf("id=\"plugin-count\"") < html.indexOf("id=\"reproducibility\""));
    }
}
