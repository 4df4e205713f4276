package io.sandmle.reports.sections;

import io.sandmle.reports.model.Section;

/** Computes one part of the report and lays it out as a {@link Section}. */
public interface SectionBuilder {

    /** The section's anchor, and its name in the config's {@code report.sections}. */
    String id();

    Section build(ReportContext context);
}
