package io.sandmle.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Grade;
import io.sandmle.api.ReportInput;
import io.sandmle.api.ResourceUse;
import io.sandmle.reports.support.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resource-use section: per-system CPU, memory and GPU figures, or one sentence when nothing was measured. */
class ResourceUseSectionTest {

    @Test
    void showsEachSystemsCpuMemoryAndGpuUse(@TempDir Path dir) throws Exception {
        String html = report(dir, List.of(
                episode("a", "t1", new ResourceUse(3_000, 1L << 30, 20.0)),
                episode("a", "t2", new ResourceUse(5_000, 3L << 30, 40.0)),
                episode("b", "t1", new ResourceUse(1_500, 1L << 29, null)),
                episode("b", "t2", null)));
        String section = section(html, "resources");
        assertTrue(section.contains("<td>a</td>") && section.contains("<td>b</td>"), section);
        assertTrue(section.contains(">4.0</td>"), "a's mean CPU-seconds per episode (3 s and 5 s): " + section);
        assertTrue(section.contains(">3.00</td>"), "a's highest peak memory in GiB: " + section);
        assertTrue(section.contains(">30.0</td>"), "a's mean GPU-seconds per episode: " + section);
        assertTrue(section.contains(">1.5</td>"), "b's one measured episode: " + section);
        assertEquals(2, section.split("<td>unknown</td>", -1).length - 1,
                "b's GPU use is unknown, not zero (mean and total cells): " + section);
    }

    @Test
    void isLeftOutWithOneSentenceWhenNoEpisodeWasMeasured(@TempDir Path dir) throws Exception {
        String html = report(dir, List.of(episode("a", "t1", null), episode("b", "t1", null)));
        assertFalse(html.contains("<section id=\"resources\""), "no empty heading");
        assertTrue(html.contains("No episode recorded its resource use"), "the sentence saying why");
    }

    private static String report(Path dir, List<EpisodeRecord> episodes) throws Exception {
        ReportInput input = new ReportInput(episodes, List.of(), null, 7, Map.of(), List.of("html"), List.of(), List.of(),
                ReportInput.Pairing.TASK);
        Reports.write(input, dir);
        return Files.readString(dir.resolve("index.html"));
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertTrue(start >= 0, "section " + id + " is present");
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static EpisodeRecord episode(String system, String task, ResourceUse used) {
        Grade g = Grade.invalid(task, false, "none", null, false);
        return new EpisodeRecord(EpisodeRecord.SCHEMA_VERSION, "run", system + "-" + task, system, "suite", task,
                "cat", 0, g, 0, "answer", 1000, 1, used);
    }
}
