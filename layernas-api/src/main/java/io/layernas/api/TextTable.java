package io.layernas.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with aligned columns, for the tables a {@link DescribedSpace} prints and the
 * tools' own. Columns are two spaces apart and lines carry no trailing blanks. Optionally, columns of
 * numbers are right-aligned ({@link #numbersRight()}) and long cells wrap after a comma onto
 * continuation lines ({@link #wrapAfterCommas(int)}), so that a wide table fits a terminal.
 * Not thread-safe: build and render it on one thread.
 */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private boolean numbersRight;
    private int wrapWidth = Integer.MAX_VALUE;

    /** A table with the column names {@code header}. */
    public TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Adds a row, a cell per column (missing cells are empty). */
    public TextTable add(List<String> row) {
        rows.add(List.copyOf(row));
        return this;
    }

    /** Right-aligns the columns whose cells (below the header) are all numbers or empty. */
    public TextTable numbersRight() {
        numbersRight = true;
        return this;
    }

    /**
     * Breaks a cell longer than {@code width} characters after {@code ", "} onto continuation lines
     * (indented by two spaces), where it has such a comma.
     */
    public TextTable wrapAfterCommas(int width) {
        if (width < 4) {
            throw new IllegalArgumentException("width " + width + " is below 4");
        }
        wrapWidth = width;
        return this;
    }

    /** The table, a line per row (more where cells wrap), each ending with a line break. */
    public String render() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        List<List<List<String>>> wrapped = all.stream().map(row -> cells(row).stream().map(this::wrap).toList())
                .toList();
        int[] widths = new int[header.size()];
        for (List<List<String>> row : wrapped) {
            for (int c = 0; c < widths.length; c++) {
                for (String line : row.get(c)) {
                    widths[c] = Math.max(widths[c], line.length());
                }
            }
        }
        boolean[] right = numbersRight ? numericColumns() : new boolean[widths.length];
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < wrapped.size(); r++) {
            List<List<String>> row = wrapped.get(r);
            int height = row.stream().mapToInt(List::size).max().orElse(1);
            for (int l = 0; l < height; l++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < widths.length; c++) {
                    String cell = l < row.get(c).size() ? row.get(c).get(l) : "";
                    String padding = " ".repeat(widths[c] - cell.length());
                    line.append(c == 0 ? "" : "  ").append(right[c] && r > 0 ? padding + cell : cell + padding);
                }
                text.append(line.toString().stripTrailing()).append('\n');
            }
        }
        return text.toString();
    }

    private List<String> cells(List<String> row) {
        List<String> cells = new ArrayList<>(row);
        while (cells.size() < header.size()) {
            cells.add("");
        }
        return cells;
    }

    /** Columns whose cells are all numbers (or empty). */
    private boolean[] numericColumns() {
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, true);
        for (List<String> row : rows) {
            List<String> cells = cells(row);
            for (int c = 0; c < numeric.length; c++) {
                numeric[c] &= cells.get(c).isEmpty() || cells.get(c).matches("-?[0-9][0-9.,]*(e-?[0-9]+)?");
            }
        }
        return numeric;
    }

    /** The cell's lines: broken after ", " so that each is at most the wrap width long where it can be. */
    private List<String> wrap(String cell) {
        List<String> lines = new ArrayList<>();
        String rest = cell;
        while (rest.length() > wrapWidth) {
            int cut = rest.lastIndexOf(", ", wrapWidth - 1);
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
