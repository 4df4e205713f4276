package io.sandmle.reports;

import io.sandmle.api.ReportInput;
import io.sandmle.api.ReportWriter;
import io.sandmle.reports.charts.SvgExport;
import io.sandmle.reports.html.HtmlRenderer;
import io.sandmle.reports.model.Figure;
import io.sandmle.reports.model.ReportDocument;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.pdf.PdfRenderer;
import io.sandmle.reports.sections.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code standard} report writer: {@code index.html} (self-contained), {@code report.pdf} and
 * {@code figures/*.svg} in the output folder. Replicate counts can be lowered for quick looks with
 * the system property {@code sandmle.report.reps}.
 */
public final class StandardReportWriter implements ReportWriter {

    private final Settings settings;

    public StandardReportWriter() {
        this(null);
    }

    /** @param settings the statistics' knobs, or null for the defaults with the input's seed */
    public StandardReportWriter(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Path> write(ReportInput input, Path outDir) throws IOException {
        Settings s = settings != null ? settings : defaults(input.seed());
        ReportDocument doc = ReportBuilder.build(input, s);
        Files.createDirectories(outDir.resolve("figures"));
        List<Path> written = new ArrayList<>();
        Path html = outDir.resolve("index.html");
        Files.writeString(html, HtmlRenderer.render(doc), StandardCharsets.UTF_8);
        written.add(html);
        Path pdf = outDir.resolve("report.pdf");
        PdfRenderer.render(doc, pdf);
        written.add(pdf);
        for (Section section : doc.sections()) {
            for (var block : section.blocks()) {
                if (block instanceof Figure f) {
                    Path svg = outDir.resolve("figures").resolve(f.id() + ".svg");
                    Files.writeString(svg, SvgExport.svg(f.chart(), f.width(), f.height(), f.id() + "_"));
                    written.add(svg);
                }
            }
        }
        return written;
    }

    private static Settings defaults(long seed) {
        Settings d = Settings.defaults(seed);
        String reps = System.getProperty("sandmle.report.reps");
        if (reps == null) {
            return d;
        }
        int r = Integer.parseInt(reps);
        return new Settings(r, Math.min(r, d.profileReps()), d.permutationDraws(), d.eloOrders(), seed, d.gamma());
    }
}
