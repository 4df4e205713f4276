package io.sandmle.reports;

import io.sandmle.api.ReportInput;
import io.sandmle.api.ReportSection;
import io.sandmle.api.ReportWriter;
import io.sandmle.reports.charts.SvgExport;
import io.sandmle.reports.html.HtmlRenderer;
import io.sandmle.reports.json.JsonRenderer;
import io.sandmle.reports.model.Figure;
import io.sandmle.reports.model.ReportDocument;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.pdf.PdfRenderer;
import io.sandmle.reports.sections.Settings;
import io.sandmle.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The {@code standard} report writer: {@code index.html} (self-contained) and/or {@code report.pdf}, as the
 * input's formats ask, and {@code figures/*.svg} in the output folder. Replicate counts can be lowered for quick looks with
 * the system property {@code sandmle.report.reps}.
 */
public final class StandardReportWriter implements ReportWriter {

    private final Settings settings;
    private final Map<String, ReportSection> pluginSections;

    /** Without plugin sections, default settings. */
    public StandardReportWriter() {
        this(null, Map.of());
    }

    /** As the harness creates it: every {@code report-section} extension is added to the report. */
    @Inject
    public StandardReportWriter(Map<String, ReportSection> pluginSections) {
        this(null, pluginSections);
    }

    /**
     * @param settings       the statistics' knobs, or null for the defaults with the input's seed
     * @param pluginSections extra sections by extension name
     */
    public StandardReportWriter(Settings settings, Map<String, ReportSection> pluginSections) {
        this.settings = settings;
        this.pluginSections = Map.copyOf(pluginSections);
    }

    @Override
    public List<Path> write(ReportInput input, Path outDir) throws IOException {
        Settings s = settings != null ? settings : defaults(input.seed());
        ReportDocument doc = ReportBuilder.build(EscapedInput.of(input), s, pluginSections);
        Files.createDirectories(outDir.resolve("figures"));
        List<Path> written = new ArrayList<>();
        if (input.formats().contains("html")) {
            Path html = outDir.resolve("index.html");
            Files.writeString(html, HtmlRenderer.render(doc), StandardCharsets.UTF_8);
            written.add(html);
        }
        if (input.formats().contains("pdf")) {
            Path pdf = outDir.resolve("report.pdf");
            PdfRenderer.render(doc, pdf);
            written.add(pdf);
        }
        if (input.formats().contains("json")) {
            Path json = outDir.resolve("report.json");
            Json.writeFile(json, JsonRenderer.render(doc));
            written.add(json);
        }
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

    @Override
    public List<String> sectionNames() {
        return ReportBuilder.sectionNames(pluginSections);
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
