package io.layernas.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns (numbers right-aligned). Not thread-safe. */
final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    TextTable add(List<String> row) {
        rows.add(List.copyOf(row));
        return this;
    }

    String render() {
        int[] widths = new int[header.size()];
        for (List<String> row : allRows()) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        boolean[] numeric = numericColumns();
        StringBuilder text = new StringBuilder();
        for (List<String> row : allRows()) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String padding = " ".repeat(widths[i] - cell.length());
                text.append(i == 0 ? "" : "  ").append(numeric[i] && row != header ? padding + cell : cell + padding);
            }
            text.append('\n');
        }
        return text.toString().replaceAll(" +\n", "\n");
    }

    /** Columns whose cells are all numbers (or empty): they are right-aligned. */
    private boolean[] numericColumns() {
        boolean[] numeric = new boolean[header.size()];
        java.util.Arrays.fill(numeric, true);
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                numeric[i] &= row.get(i).isEmpty() || row.get(i).matches("-?[0-9][0-9.,]*(e-?[0-9]+)?");
            }
        }
        return numeric;
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
