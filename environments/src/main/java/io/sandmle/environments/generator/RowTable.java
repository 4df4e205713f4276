package io.sandmle.environments.generator;

import java.util.ArrayList;
import java.util.List;

/** The columns renderers contribute to train.csv or test.csv, in the order they were added. */
final class RowTable {

    private final List<String> names = new ArrayList<>();
    private final List<String[]> columns = new ArrayList<>();
    private final int rows;

    RowTable(int rows) {
        this.rows = rows;
    }

    void add(String name, String[] values) {
        if (values.length != rows) {
            throw new IllegalArgumentException("column " + name + " has " + values.length + " rows, expected " + rows);
        }
        names.add(name);
        columns.add(values);
    }

    List<String> names() {
        return List.copyOf(names);
    }

    /** The cells of row {@code r}, in column order. */
    String[] row(int r) {
        String[] cells = new String[columns.size()];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = columns.get(c)[r];
        }
        return cells;
    }
}
