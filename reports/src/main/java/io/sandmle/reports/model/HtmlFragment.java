package io.sandmle.reports.model;

/**
 * HTML contributed by a {@link io.sandmle.api.ReportSection} plugin, placed in the HTML report as
 * it is; the PDF says where to find it.
 *
 * @param plugin the extension name that produced it
 * @param html   the fragment
 */
public record HtmlFragment(String plugin, String html) implements Block {
}
