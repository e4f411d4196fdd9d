package io.layernas.cli.results;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes CSV files (RFC 4180 quoting, {@code \n} line ends), atomically ({@link AtomicFile}). Stateless. */
public final class Csv {
    private Csv() {
    }

    /** Writes a header and rows atomically; rows are produced as they are written, one at a time. */
    public static void write(Path file, List<String> header, Iterable<List<String>> rows) {
        AtomicFile.writeText(file, out -> {
            out.write(line(header));
            for (List<String> row : rows) {
                out.write(line(row));
            }
        });
    }

    private static String line(List<String> cells) {
        return cells.stream().map(Csv::quote).collect(Collectors.joining(",")) + "\n";
    }

    /** A cell, quoted when it holds a comma, quote or line break. */
    static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
