package io.layernas.evaluators.tabular;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link RawRecord} into a checked {@link TableRow}. */
final class RowParser {
    private RowParser() {
    }

    static TableRow parse(Path file, RawRecord record) {
        long index = -1;
        String arch = "";
        Map<String, Double> values = new HashMap<>();
        Map<String, List<Double>> seeds = new HashMap<>();
        for (Map.Entry<String, Object> field : record.fields().entrySet()) {
            String column = field.getKey();
            Object value = field.getValue();
            if (value == null || value instanceof String text && text.isBlank()) {
                continue;
            }
            switch (column) {
                case TableColumns.INDEX -> index = index(file, record.line(), value.toString());
                case TableColumns.ARCH -> arch = value.toString().trim();
                default -> {
                    if (TableColumns.isSeedList(column)) {
                        seeds.put(column, seedList(file, record.line(), column, value));
                    } else if (value instanceof Number number) {
                        values.put(column, check(file, record.line(), column, number.doubleValue(), value));
                    } else {
                        values.put(column, number(file, record.line(), column, scalar(file, record.line(), column, value)));
                    }
                }
            }
        }
        return new TableRow(record.line(), index, arch, values, seeds);
    }

    private static long index(Path file, int line, String text) {
        try {
            long index = Long.parseLong(text.trim());
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TableException(file, line, "column 'index' holds '" + text + "'; it must be a whole number >= 0");
    }

    private static List<Double> seedList(Path file, int line, String column, Object value) {
        List<?> items = value instanceof List<?> list ? list : List.of(value.toString().trim().split("\\s+"));
        List<Double> numbers = new ArrayList<>();
        for (Object item : items) {
            numbers.add(item instanceof Number number
                    ? check(file, line, column, number.doubleValue(), item)
                    : number(file, line, column, String.valueOf(item)));
        }
        return List.copyOf(numbers);
    }

    private static String scalar(Path file, int line, String column, Object value) {
        if (value instanceof List<?>) {
            throw new TableException(file, line, "column '" + column + "' holds a list; only *_seeds columns may");
        }
        return value.toString();
    }

    private static double number(Path file, int line, String column, String text) {
        double number;
        try {
            number = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new TableException(file, line, "column '" + column + "' holds '" + text
                    + "', which is not a number. Write numbers like 91.61 (a dot, no unit); leave the cell empty when unknown.");
        }
        return check(file, line, column, number, text);
    }

    private static double check(Path file, int line, String column, double number, Object text) {
        if (!Double.isFinite(number) || number < 0) {
            throw new TableException(file, line, "column '" + column + "' holds " + text + "; it must be a finite number >= 0");
        }
        if (number > 100 && TableColumns.isAccuracy(column)) {
            throw new TableException(file, line, "column '" + column + "' holds " + text
                    + "; accuracies are in percent, 0..100");
        }
        return number;
    }
}
