package io.sandmle.reports.model;

/**
 * A table cell: the text shown and the number a sortable table sorts by (NaN sorts text).
 *
 * @param text    what is shown
 * @param sortKey numeric sort key, or NaN for text cells
 */
public record Cell(String text, double sortKey) {

    public static Cell text(String text) {
        return new Cell(text, Double.NaN);
    }

    public static Cell number(String text, double value) {
        return new Cell(text, value);
    }
}
