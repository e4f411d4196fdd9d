package io.layernas.evaluators.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A benchmark table: per architecture, accuracies per dataset and optionally FLOPs, parameters
 * and training time, read from the plain CSV or JSON lines format of
 * {@code docs/benchmark-tables.md}. Rows are found by architecture string or official index.
 *
 * <p>Immutable and thread-safe once read.
 */
public final class BenchmarkTable {
    /** Training length of the NAS-Bench-101 models a {@code .tfrecord} is read for by default. */
    public static final int NAS_BENCH_101_EPOCHS = 108;

    private final Path source;
    private final List<String> columns;
    private final List<TableRow> rows;
    private final Map<String, TableRow> byArch;
    private final Map<Long, TableRow> byIndex;

    private BenchmarkTable(Path source, List<String> columns, List<TableRow> rows) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        Map<String, TableRow> arch = new HashMap<>();
        Map<Long, TableRow> index = new HashMap<>();
        for (TableRow row : rows) {
            putUnique(arch, row.arch(), row, "architecture '" + row.arch() + "'");
            putUnique(index, row.index(), row, "index " + row.index());
        }
        arch.remove("");
        index.remove(-1L);
        this.byArch = Collections.unmodifiableMap(arch);
        this.byIndex = Collections.unmodifiableMap(index);
    }

    /**
     * Reads a table: {@code .csv} as CSV, {@code .jsonl}, {@code .ndjson} or {@code .json} as JSON
     * lines, {@code .tfrecord} as the NAS-Bench-101 release ({@link #readNasBench101}, 108 epochs).
     *
     * @throws TableException naming the file, the line and the fix when the file is missing,
     *                        truncated, or has an unknown column, a bad number or a duplicate row
     */
    public static BenchmarkTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TableException(file, 0, "the table file does not exist. Set the evaluator's 'path' to a table "
                    + "in the format of docs/benchmark-tables.md (CSV, JSON lines or the NAS-Bench-101 .tfrecord). "
                    + "docs/data.md says where to download each benchmark and how to convert and check it.");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (name.endsWith(".csv")) {
                return of(file, CsvTableReader.read(file, reader));
            }
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
                return of(file, JsonLinesTableReader.read(file, reader));
            }
        } catch (IOException e) {
            throw new TableException(file, 0, "cannot read the table: " + e.getMessage(), e);
        }
        if (name.endsWith(".tfrecord")) {
            return readNasBench101(file, NAS_BENCH_101_EPOCHS);
        }
        throw new TableException(file, 0, "unknown table format; name the file *.csv (CSV), *.jsonl (JSON lines) "
                + "or *.tfrecord (the NAS-Bench-101 release)");
    }

    /**
     * Reads the official NAS-Bench-101 release ({@code .tfrecord}) directly: one row per module
     * hash ({@code arch}) with {@code cifar10_valid}, {@code cifar10_test} and their per-repeat
     * {@code *_seeds} (percent, at the end of training), {@code cifar10_train_seconds} (mean over
     * repeats) and {@code params} (millions), from the models trained for {@code epochs} epochs
     * (108 in {@code nasbench_only108.tfrecord}; 4, 12, 36 or 108 in the full release).
     *
     * @throws TableException when the file is missing, truncated, corrupt (checksums are checked)
     *                        or has no model trained for {@code epochs}
     */
    public static BenchmarkTable readNasBench101(Path file, int epochs) {
        if (!Files.isRegularFile(file)) {
            throw new TableException(file, 0, "the NAS-Bench-101 file does not exist. Set the evaluator's 'path' to "
                    + "nasbench_only108.tfrecord (or a converted table, see docs/benchmark-tables.md); docs/data.md "
                    + "says where to download it.");
        }
        try {
            return of(file, NasBench101Records.read(file, epochs));
        } catch (IOException e) {
            throw new TableException(file, 0, "cannot read the NAS-Bench-101 file: " + e.getMessage(), e);
        }
    }

    private static BenchmarkTable of(Path file, List<RawRecord> records) {
        if (records.isEmpty()) {
            throw new TableException(file, 2, "the table has a header but no rows; the file may be truncated");
        }
        Set<String> columns = new LinkedHashSet<>();
        for (RawRecord record : records) {
            for (String column : record.fields().keySet()) {
                if (columns.add(column)) {
                    checkColumn(file, record.line(), column);
                }
            }
        }
        if (!columns.contains(TableColumns.ARCH) && !columns.contains(TableColumns.INDEX)) {
            throw new TableException(file, 1, "the table has neither an 'arch' nor an 'index' column, so no "
                    + "architecture can be found in it. Add the column 'arch' (the space's architecture string).");
        }
        List<TableRow> rows = new ArrayList<>();
        for (RawRecord record : records) {
            rows.add(RowParser.parse(file, record));
        }
        return new BenchmarkTable(file, List.copyOf(columns), rows);
    }

    static void checkColumn(Path file, int line, String column) {
        if (!TableColumns.isKnown(column)) {
            throw new TableException(file, line, "unknown column '" + column + "'. Columns are "
                    + TableColumns.describe() + "; rename or drop it.");
        }
    }

    /** The file it was read from. */
    public Path source() {
        return source;
    }

    /** Column names, in file order. */
    public List<String> columns() {
        return columns;
    }

    /** True when the table has {@code column}. */
    public boolean hasColumn(String column) {
        return columns.contains(column);
    }

    /** All rows, in file order. */
    public List<TableRow> rows() {
        return rows;
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    /** The row of an architecture string. */
    public Optional<TableRow> byArch(String arch) {
        return Optional.ofNullable(byArch.get(arch));
    }

    /** The row of an official index. */
    public Optional<TableRow> byIndex(long index) {
        return Optional.ofNullable(byIndex.get(index));
    }

    @Override
    public String toString() {
        return "table " + source + " (" + rows.size() + " rows)";
    }

    private <K> void putUnique(Map<K, TableRow> map, K key, TableRow row, String what) {
        TableRow earlier = map.putIfAbsent(key, row);
        if (earlier != null && !key.equals("") && !key.equals(-1L)) {
            throw new TableException(source, row.line(), "duplicate row: " + what + " is already on line "
                    + earlier.line() + ". Keep one row per architecture (average seeds into one row).");
        }
    }
}
