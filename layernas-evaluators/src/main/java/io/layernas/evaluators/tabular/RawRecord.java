package io.layernas.evaluators.tabular;

import java.util.Map;

/**
 * One record of a table file before checking: its 1-based line and its fields by column. A value
 * is a {@code String} or, for a JSON array, a {@code List<String>}; {@code null} when missing.
 */
record RawRecord(int line, Map<String, Object> fields) {
}
