package io.layernas.evaluators.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a comma-separated table with a header line; fields may be double-quoted. */
final class CsvTableReader {
    private CsvTableReader() {
    }

    static List<RawRecord> read(Path file, BufferedReader reader) throws IOException {
        String headerLine = reader.readLine();
        if (headerLine == null || headerLine.isBlank()) {
            throw new TableException(file, 1, "the file is empty; a CSV table starts with a header line such as "
                    + "'index,arch,cifar10_valid,cifar10_test'");
        }
        List<String> header = split(file, 1, stripBom(headerLine));
        for (int i = 0; i < header.size(); i++) {
            BenchmarkTable.checkColumn(file, 1, header.get(i));
            if (header.indexOf(header.get(i)) < i) {
                throw new TableException(file, 1, "the column '" + header.get(i) + "' appears twice in the header; keep one");
            }
        }
        List<RawRecord> records = new ArrayList<>();
        int lineNumber = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> values = split(file, lineNumber, line);
            if (values.size() != header.size()) {
                throw new TableException(file, lineNumber, "the row has " + values.size() + " fields but the header has "
                        + header.size() + (values.size() < header.size()
                        ? "; the file may be truncated or a value contains an unquoted comma. Re-export the table."
                        : "; quote values that contain commas."));
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                fields.put(header.get(i), values.get(i));
            }
            records.add(new RawRecord(lineNumber, fields));
        }
        return records;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static List<String> split(Path file, int lineNumber, String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new TableException(file, lineNumber, "a quoted field is not closed; the file may be truncated");
        }
        fields.add(field.toString().trim());
        return fields;
    }
}
