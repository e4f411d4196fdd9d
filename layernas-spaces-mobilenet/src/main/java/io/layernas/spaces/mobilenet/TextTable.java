package io.layernas.spaces.mobilenet;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns. A cell longer than {@link #MAX_CELL} characters wraps
 * after a comma onto continuation lines, so that the table fits a terminal of 100-120 columns.
 */
final class TextTable {
    /** Longest cell line before it wraps. */
    static final int MAX_CELL = 32;

    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header) {
        rows.add(header);
    }

    void add(List<String> row) {
        rows.add(row);
    }

    String render() {
        int columns = rows.get(0).size();
        List<List<List<String>>> wrapped = rows.stream().map(row -> row.stream().map(TextTable::wrap).toList()).toList();
        int[] widths = new int[columns];
        for (List<List<String>> row : wrapped) {
            for (int c = 0; c < columns; c++) {
                for (String line : row.get(c)) {
                    widths[c] = Math.max(widths[c], line.length());
                }
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<List<String>> row : wrapped) {
            int height = row.stream().mapToInt(List::size).max().orElse(1);
            for (int l = 0; l < height; l++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    String cell = l < row.get(c).size() ? row.get(c).get(l) : "";
                    line.append(c == 0 ? "" : "  ").append(String.format("%-" + widths[c] + "s", cell));
                }
                text.append(line.toString().stripTrailing()).append('\n');
            }
        }
        return text.toString();
    }

    /** The cell's lines: broken after ", " so that each is at most {@link #MAX_CELL} long where it can be. */
    static List<String> wrap(String cell) {
        List<String> lines = new ArrayList<>();
        String rest = cell;
        while (rest.length() > MAX_CELL) {
            int cut = rest.lastIndexOf(", ", MAX_CELL - 1);
            if (cut <= 0) {
                break;
            }
            lines.add(rest.substring(0, cut + 1));
            rest = "  " + rest.substring(cut + 2);
        }
        lines.add(rest);
        return lines;
    }
}
