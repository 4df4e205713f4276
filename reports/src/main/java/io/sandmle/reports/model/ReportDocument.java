package io.sandmle.reports.model;

import java.util.List;

/**
 * The whole report as renderer-neutral content.
 *
 * @param title    document title
 * @param subtitle one line saying what is compared
 * @param sections sections in order
 */
public record ReportDocument(String title, String subtitle, List<Section> sections) {

    public ReportDocument {
        sections = List.copyOf(sections);
    }
}
