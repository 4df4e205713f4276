package io.sandmle.runner.config;

import java.util.List;

/**
 * What the run's report contains.
 *
 * @param formats  output formats ({@code html}, {@code pdf}; default both)
 * @param baseline the system other systems are compared against, or {@code null} for the first one
 * @param sections report-section names to include; empty includes every registered section
 */
public record ReportConfig(List<String> formats, String baseline, List<String> sections) {

    public ReportConfig {
        formats = formats == null ? List.of("html", "pdf") : List.copyOf(formats);
        Checks.require(formats.stream().allMatch(f -> f.equals("html") || f.equals("pdf")), "formats",
                "report formats must be html and/or pdf");
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    static ReportConfig defaults() {
        return new ReportConfig(null, null, null);
    }
}
