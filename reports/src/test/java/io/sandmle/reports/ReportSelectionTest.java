package io.sandmle.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.ReportInput;
import io.sandmle.reports.sections.Settings;
import io.sandmle.reports.testdata.SyntheticRuns;
import io.sandmle.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config's {@code report.formats} and {@code report.sections} decide what is written. */
class ReportSelectionTest {

    private static final StandardReportWriter WRITER = new StandardReportWriter(
            new Settings(200, 50, 200, 20, 3, Settings.defaults(3).gamma()), Map.of());

    private static ReportInput input(List<String> formats, List<String> sections) {
        ReportInput all = new SyntheticRuns(2, 6, 2).input(3, null);
        return new ReportInput(all.episodes(), all.curves(), null, 3, all.provenance(), formats, sections, List.of());
    }

    @Test
    void formatsChooseTheFilesWritten(@TempDir Path dir) throws Exception {
        WRITER.write(input(List.of("pdf"), List.of()), dir.resolve("pdf"));
        assertTrue(Files.exists(dir.resolve("pdf/report.pdf")));
        assertFalse(Files.exists(dir.resolve("pdf/index.html")));
        WRITER.write(input(List.of("html"), List.of()), dir.resolve("html"));
        assertTrue(Files.exists(dir.resolve("html/index.html")));
        assertFalse(Files.exists(dir.resolve("html/report.pdf")));
        assertFalse(Files.exists(dir.resolve("html/report.json")));
    }

    @Test
    void theJsonFormatHoldsTheSameTablesAsTheHtml(@TempDir Path dir) throws Exception {
        WRITER.write(input(List.of("html", "json"), List.of("aggregates")), dir);
        JsonNode doc = Json.MAPPER.readTree(dir.resolve("report.json").toFile());
        JsonNode aggregates = null;
        for (JsonNode section : doc.get("sections")) {
            if (section.get("id").asText().equals("aggregates")) {
                aggregates = section;
            }
        }
        assertTrue(aggregates != null && aggregates.get("tables").size() > 0, doc.toString());
        String html = Files.readString(dir.resolve("index.html"));
        JsonNode table = aggregates.get("tables").get(0);
        assertTrue(html.contains(table.get("caption").asText()), "the caption of " + table);
        for (JsonNode row : table.get("rows")) {
            assertEquals(table.get("headers").size(), row.size(), "one cell per heading: " + row);
            for (JsonNode cell : row) {
                assertTrue(html.contains(">" + cell.get("text").asText() + "<"), "the HTML shows " + cell);
            }
        }
        assertTrue(table.toString().contains("\"value\""), "number cells carry their value: " + table);
    }

    @Test
    void sectionsChooseWhatTheReportShows(@TempDir Path dir) throws Exception {
        WRITER.write(input(List.of("html"), List.of("headline", "per-task")), dir);
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("data-section=\"headline\"") && html.contains("data-section=\"per-task\""));
        assertTrue(html.contains("data-section=\"limitations\""), "what could not be computed is always shown");
        for (String left : List.of("setup", "aggregates", "pairwise", "rankings", "reproducibility")) {
            assertFalse(html.contains("data-section=\"" + left + "\""), left + " was not selected");
        }
        assertEquals(List.of("setup", "headline", "aggregates", "pairwise", "reliability", "rankings", "humanrank",
                "per-task", "categories", "power", "curves", "resources", "reproducibility"), WRITER.sectionNames());
    }

    @Test
    void anUnknownSectionIsOneSentenceNamingTheNearest(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WRITER.write(input(List.of("html"), List.of("headlines")), dir));
        assertEquals("unknown report section 'headlines'; did you mean 'headline'?", e.getMessage());
    }
}
