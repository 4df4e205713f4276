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
            "resources", "reproducibility");

    /** Each section's heading, by id. */
    public static final Map<String, String> SECTION_TITLES = Map.ofEntries(
            Map.entry("setup", "Setup and completeness"), Map.entry("limitations", "What could not be computed"),
            Map.entry("headline", "Headline: medal rates (MLE-bench convention)"),
            Map.entry("aggregates", "Robust aggregates and performance profiles"),
            Map.entry("pairwise", "Pairwise comparisons"), Map.entry("reliability", "Reliability: pass@k and pass^k"),
            Map.entry("rankings", "Rankings with uncertainty"), Map.entry("humanrank", "HumanRank (MLE-Dojo)"),
            Map.entry("per-task", "Per-task breakdown"), Map.entry("categories", "Categories and harmony"),
            Map.entry("power", "Power: runs needed"), Map.entry("curves", "Learning curves"),
            Map.entry("resources", "Resource use"), Map.entry("reproducibility", "Reproducibility"));

    private Reports() {
    }

    public static List<Path> write(ReportInput input, Path out) throws Exception {
        return new StandardReportWriter(new Settings(1000, 500, 5000, 50, input.seed(), 1.0), Map.of()).write(input, out);
    }
}
