package io.sandmle.reports.sections;

import io.sandmle.api.ReportInput;
import io.sandmle.reports.analysis.Dataset;

/**
 * What every section reads.
 *
 * @param input    the caller's input (curves, provenance, baseline)
 * @param data     the episodes arranged as systems × tasks × runs
 * @param settings the statistics' knobs
 */
public record ReportContext(ReportInput input, Dataset data, Settings settings) {

    /** A seed for one named computation, so adding a section never shifts another's random draws. */
    public long seedFor(String purpose) {
        return settings.seed() * 31 + purpose.hashCode();
    }
}
