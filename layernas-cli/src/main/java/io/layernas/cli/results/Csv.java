package io.layernas.cli.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes CSV files (RFC 4180 quoting, {@code \n} line ends). Stateless. */
public final class Csv {
    private Csv() {
    }

    /** Writes a header and rows. */
    public static void write(Path file, List<String> header, List<List<String>> rows) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(line(header));
            for (List<String> row : rows) {
                out.write(line(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
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
