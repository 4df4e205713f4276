package io.sandmle.api;

import java.util.List;

/**
 * A small column-oriented table of strings: the common currency between CSV readers and
 * {@link Metric}s. Columns are stored as arrays so that metrics can convert them once.
 *
 * @param names   column names, in file order
 * @param columns one array per column, all of the same length
 */
public record ColumnTable(List<String> names, List<String[]> columns) {

    public ColumnTable {
        names = List.copyOf(names);
        columns = List.copyOf(columns);
        if (names.size() != columns.size()) {
            throw new IllegalArgumentException("a table needs one name per column");
        }
    }

    /** Number of rows (0 for a table without columns). */
    public int rows() {
        return columns.isEmpty() ? 0 : columns.get(0).length;
    }

    /** The column called {@code name}. */
    public String[] column(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column named '" + name + "'");
        }
        return columns.get(i);
    }
}
