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
        StringBuilder text = new StringBuilder();
        for (List<String> row : allRows()) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                boolean number = !cell.isEmpty() && cell.matches("[-+0-9.,e]+( ?[a-zA-Z]+)?") && row != header;
                String padded = number ? " ".repeat(widths[i] - cell.length()) + cell
                        : cell + " ".repeat(widths[i] - cell.length());
                text.append(i == 0 ? "" : "  ").append(padded);
            }
            text.append(System.lineSeparator().equals("\n") ? "\n" : "\n");
        }
        return text.toString().replaceAll(" +\n", "\n");
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
