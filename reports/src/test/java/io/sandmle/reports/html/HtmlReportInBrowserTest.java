package io.sandmle.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.reports.support.Browser;
import io.sandmle.reports.support.Pixels;
import io.sandmle.reports.support.Reports;
import io.sandmle.reports.testdata.SyntheticRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens the HTML report in headless Chromium and checks from the DOM and a screenshot that it rendered. */
class HtmlReportInBrowserTest {

    @Test
    void everySectionRendersOfflineInChromium(@TempDir Path work) throws Exception {
        var input = new SyntheticRuns(4, 24, 5).withCurves().suites(2).input(3, SyntheticRuns.systemName(0));
        Path out = work.resolve("report");
        Reports.write(input, out);
        Path html = out.resolve("index.html");
        String source = Files.readString(html);
        assertFalse(Pattern.compile("(src|href)=\"https?:|@import|url\\(http|<link ", Pattern.CASE_INSENSITIVE)
                .matcher(source).find(), "the report must not fetch anything from the network");

        String dom = Browser.dumpDom(html, work);
        assertTrue(dom.contains("data-rendered=\"yes\""), "the inline script ran");
        for (String id : Reports.SECTION_IDS) {
            Matcher m = Pattern.compile("<section id=\"" + id + "\"[^>]*>(.*?)</section>", Pattern.DOTALL).matcher(dom);
            assertTrue(m.find(), "section " + id + " is in the DOM");
            String body = m.group(1);
            assertTrue(body.contains("<h2>"), id + " has a heading");
            assertTrue(body.contains("<table") || body.contains("<svg") || body.contains("class=\"notice\"")
                    || body.contains("<p>"), id + " has content");
        }
        long figures = Pattern.compile("<figure ").matcher(dom).results().count();
        long svgs = Pattern.compile("<svg ").matcher(dom).results().count();
        assertTrue(figures >= 7, "forest, profiles, differences, POI matrix, rank distribution, heatmap, curve");
        assertEquals(figures, svgs, "every figure has its inline SVG");
        assertTrue(dom.contains("Any medal % (mean ± SEM over seeds)"), "headline numbers say what they are");
        assertTrue(dom.contains("[95 % CI]"), "intervals are labelled");
        assertTrue(dom.contains("policy3×react"), "system names survive escaping");

        Path top = Browser.screenshot(html, work.resolve("top.png"), 1440, 900, work);
        Path tall = Browser.screenshot(html, work.resolve("tall.png"), 1440, 9000, work);
        Path keep = Path.of("target", "screenshots");
        Files.createDirectories(keep);
        Files.copy(top, keep.resolve("report-top.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(tall, keep.resolve("report-tall.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Pixels.greyVariance(top) > 200, "the first screen is not blank");
        double ink = Pixels.inkedFraction(tall);
        assertTrue(ink > 0.04, "charts and tables put ink on the page (inked share " + ink + ")");
    }
}
