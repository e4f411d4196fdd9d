package io.layernas.evaluators.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON lines: one flat object per line whose values are strings, numbers, {@code null} or
 * arrays of numbers, e.g. {@code {"arch": "64:64:64:64:64", "cifar10_valid": 92.6, "cifar10_valid_seeds": [92.5, 92.7]}}.
 */
final class JsonLinesTableReader {
    private final Path file;
    private final int lineNumber;
    private final String text;
    private int at;

    private JsonLinesTableReader(Path file, int lineNumber, String text) {
        this.file = file;
        this.lineNumber = lineNumber;
        this.text = text;
    }

    static List<RawRecord> read(Path file, BufferedReader reader) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                records.add(new RawRecord(lineNumber, new JsonLinesTableReader(file, lineNumber, line).object()));
            }
        }
        if (records.isEmpty()) {
            throw new TableException(file, 1, "the file is empty; a JSON lines table has one object per line such as "
                    + "{\"arch\": \"64:64:64:64:64\", \"cifar10_valid\": 92.6}");
        }
        return records;
    }

    private Map<String, Object> object() {
        Map<String, Object> fields = new LinkedHashMap<>();
        expect('{');
        if (peek() == '}') {
            at++;
        } else {
            do {
                String key = string();
                expect(':');
                if (fields.put(key, value()) != null) {
                    throw fail("the key \"" + key + "\" appears twice");
                }
            } while (next(',', '}') == ',');
        }
        if (peek() != 0) {
            throw fail("unexpected text after the object");
        }
        return fields;
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '[') {
            at++;
            List<String> items = new ArrayList<>();
            if (peek() == ']') {
                at++;
                return items;
            }
            do {
                items.add(scalar());
            } while (next(',', ']') == ',');
            return items;
        }
        String scalar = scalar();
        return scalar.equals("null") ? null : scalar;
    }

    private String scalar() {
        if (peek() == '"') {
            return string();
        }
        int start = at;
        while (at < text.length() && ",}] \t".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        if (start == at) {
            throw fail("expected a value");
        }
        return text.substring(start, at);
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (at < text.length() && text.charAt(at) != '"') {
            char c = text.charAt(at++);
            if (c == '\\' && at < text.length()) {
                char escaped = text.charAt(at++);
                value.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'u' -> unicode();
                    default -> escaped;
                });
            } else {
                value.append(c);
            }
        }
        expect('"');
        return value.toString();
    }

    private char unicode() {
        if (at + 4 > text.length()) {
            throw fail("a \\u escape is cut short");
        }
        char c = (char) Integer.parseInt(text.substring(at, at + 4), 16);
        at += 4;
        return c;
    }

    private char next(char more, char end) {
        char c = peek();
        if (c != more && c != end) {
            throw fail("expected '" + more + "' or '" + end + "'");
        }
        at++;
        return c;
    }

    private void expect(char wanted) {
        if (peek() != wanted) {
            throw fail("expected '" + wanted + "'");
        }
        at++;
    }

    private char peek() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at < text.length() ? text.charAt(at) : 0;
    }

    private TableException fail(String problem) {
        String where = at >= text.length() ? "at the end of the line (the file may be truncated)" : "at column " + (at + 1);
        return new TableException(file, lineNumber, "not a JSON object: " + problem + " " + where
                + ". Each line must be one object like {\"arch\": \"...\", \"cifar10_valid\": 91.2}.");
    }
}
