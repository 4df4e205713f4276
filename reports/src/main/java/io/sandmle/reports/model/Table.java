package io.sandmle.reports.model;

import java.util.List;

/**
 * A table whose caption says what the numbers are and which interval they carry.
 *
 * @param caption what the table shows
 * @param headers column headings (each naming the quantity and its interval)
 * @param rows    cells, one list per row, same width as headers
 */
public record Table(String caption, List<String> headers, List<List<Cell>> rows) implements Block {

    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
