package io.layernas.evaluators.tabular;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON lines with Jackson's streaming parser: one flat object per line whose values are
 * strings, numbers, {@code null} or arrays of numbers, e.g.
 * {@code {"arch": "64:64:64:64:64", "cifar10_valid": 92.6, "cifar10_valid_seeds": [92.5, 92.7]}}.
 * Numbers are kept as the text they are written in ({@link RowParser} reads them), {@code NaN} included.
 */
final class JsonLinesTableReader {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final Path file;
    private final int lineNumber;
    private final String text;

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

    private Map<String, Object> object() throws IOException {
        try (JsonParser parser = JSON.createParser(text)) {
            Map<String, Object> fields = fields(parser);
            if (parser.nextToken() != null) {
                throw fail("unexpected text after the object", parser);
            }
            return fields;
        } catch (JsonParseException e) {
            throw fail(e.getOriginalMessage(), e.getProcessor());
        }
    }

    private Map<String, Object> fields(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw fail("expected '{'", parser);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token == null) {
                throw fail("expected ',' or '}'", parser);
            }
            String key = parser.currentName();
            parser.nextToken();
            if (fields.containsKey(key)) {
                throw fail("the key \"" + key + "\" appears twice", parser);
            }
            fields.put(key, value(parser));
        }
        return fields;
    }

    /** A string or a number as written, {@code null}, or an array of those. */
    private Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY) {
            List<String> items = new ArrayList<>();
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                if (item == null || item.isStructStart()) {
                    throw fail(item == null ? "expected ',' or ']'" : "expected a number in the array", parser);
                }
                items.add(parser.getText());
            }
            return items;
        }
        if (token == null || token.isStructStart()) {
            throw fail("expected a value", parser);
        }
        return token == JsonToken.VALUE_NULL ? null : parser.getText();
    }

    private TableException fail(String problem, JsonParser parser) {
        long column = parser == null ? -1 : parser.currentLocation().getColumnNr();
        String where = column < 0 || column > text.length() ? "at the end of the line (the file may be truncated)"
                : "at column " + column;
        return new TableException(file, lineNumber, "not a JSON object: " + problem + " " + where
                + ". Each line must be one object like {\"arch\": \"...\", \"cifar10_valid\": 91.2}.");
    }
}
