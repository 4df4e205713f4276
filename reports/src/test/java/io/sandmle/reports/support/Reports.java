package io.sandmle.reports.support;

import io.sandmle.api.ReportInput;
import io.sandmle.reports.StandardReportWriter;
import io.sandmle.reports.sections.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes reports with fewer bootstrap replicates than the default, to keep tests quick. */
public final class Reports {

    /** Section ids every report has, in order. */
    public static final List<String> SECTION_IDS = List.of("setup", "limitations", "headline", "aggregates",
            "pairwise", "reliability", "rankings", "humanrank", "per-task", "categories", "power", "curves",
            "reproducibility");

    private Reports() {
    }

    public static List<Path> write(ReportInput input, Path out) throws Exception {
        return new StandardReportWriter(new Settings(1000, 500, 5000, 50, input.seed(), 1.0), Map.of()).write(input, out);
    }
}
