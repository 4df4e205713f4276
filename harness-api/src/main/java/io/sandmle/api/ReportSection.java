package io.sandmle.api;

/** Contributes one section (tables, figures, text) to the comparative report. */
public interface ReportSection {

    /** The section heading. */
    String title();

    /** Renders the section as an HTML fragment (self-contained: inline SVG, no network). */
    String renderHtml(ReportInput input);
}
