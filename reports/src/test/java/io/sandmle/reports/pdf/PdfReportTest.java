package io.sandmle.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.reports.support.DebianTool;
import io.sandmle.reports.support.Pixels;
import io.sandmle.reports.support.Reports;
import io.sandmle.reports.testdata.SyntheticRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the PDF with pdftoppm, extracts its text with pdftotext, and checks fonts with pdffonts. */
class PdfReportTest {

    @Test
    void pdfHasEverySectionEmbeddedFontAndInkedPages(@TempDir Path work) throws Exception {
        DebianTool.require("pdftoppm", "poppler-utils");
        var input = new SyntheticRuns(3, 20, 4).withCurves().input(5, SyntheticRuns.systemName(1));
        Path out = work.resolve("report");
        Reports.write(input, out);
        Path pdf = out.resolve("report.pdf");

        String text = DebianTool.run(60, "pdftotext", "-layout", pdf.toString(), "-");
        for (String heading : List.of("Setup and completeness", "What could not be computed", "Headline: medal rates",
                "Robust aggregates", "Pairwise comparisons", "Reliability: pass@k", "Rankings with uncertainty",
                "HumanRank (MLE-Dojo)", "Per-task breakdown", "Categories and harmony", "Power: runs needed",
                "Learning curves", "Reproducibility")) {
            assertTrue(text.contains(heading), "PDF text has section '" + heading + "'");
        }
        assertTrue(text.contains("policy2×react"), "system names with × are drawn with the embedded font");
        assertTrue(text.contains("95 % stratified-bootstrap CI"), "intervals are labelled");
        assertTrue(text.contains("Hyndman–Fan type 7"), "reproducibility block is present");

        String fonts = DebianTool.run(60, "pdffonts", pdf.toString());
        assertTrue(fonts.contains("LiberationSans") && fonts.lines().skip(2).allMatch(l -> l.contains(" yes ")),
                "every font is embedded:\n" + fonts);

        DebianTool.run(120, "pdftoppm", "-r", "40", "-png", pdf.toString(), work.resolve("page").toString());
        List<Path> pages;
        try (Stream<Path> s = Files.list(work)) {
            pages = s.filter(p -> p.getFileName().toString().startsWith("page")).sorted().toList();
        }
        assertTrue(pages.size() >= 5, "several pages, got " + pages.size());
        for (Path page : pages) {
            assertTrue(Pixels.greyVariance(page) > 20, page.getFileName() + " is not blank");
        }
        Path keep = Path.of("target", "screenshots");
        Files.createDirectories(keep);
        for (Path page : pages) {
            Files.copy(page, keep.resolve("pdf-" + page.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
