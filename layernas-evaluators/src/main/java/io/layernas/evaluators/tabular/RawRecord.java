package io.layernas.evaluators.tabular;

import java.util.Map;

/**
 * One record of a table file before checking: its 1-based line and its fields by column. A value
 * is a {@code String}, a {@code Double} (from a binary release), or a {@code List} of either for
 * per-seed columns; {@code null} when missing.
 */
record RawRecord(int line, Map<String, Object> fields) {
}
