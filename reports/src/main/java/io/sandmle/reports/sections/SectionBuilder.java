package io.sandmle.reports.sections;

import io.sandmle.reports.model.Section;

/** Computes one part of the report and lays it out as a {@link Section}. */
public interface SectionBuilder {

    Section build(ReportContext context);
}
