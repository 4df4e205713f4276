package io.sandmle.runner.config;

import io.sandmle.api.ReportInput;
import java.util.List;

/**
 * What the run's report contains.
 *
 * @param formats  the files the run's report is written as ({@code html}: index.html, {@code pdf}: report.pdf,
 *                 {@code json}: report.json, its tables and notices for scripts; default all three)
 * @param baseline the system other systems are compared against, or {@code null} for the first one
 * @param sections the sections to include, by name (setup, headline, aggregates, …, reproducibility, and each
 *                 report-section plugin's name); empty includes every section. Names are checked against the report
 *                 writer when the run opens.
 */
public record ReportConfig(List<String> formats, String baseline, List<String> sections) {

    public ReportConfig {
        formats = formats == null ? ReportInput.FORMATS : List.copyOf(formats);
        Checks.require(!formats.isEmpty() && ReportInput.FORMATS.containsAll(formats), "formats",
                "report formats must be among html, pdf and json");
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    static ReportConfig defaults() {
        return new ReportConfig(null, null, null);
    }
}
