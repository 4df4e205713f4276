package io.sandmle.reports.model;

/** One piece of a report section, rendered alike to HTML and PDF. */
public sealed interface Block permits Paragraph, Notice, Table, Figure, HtmlFragment {
}
