package io.layernas.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comparison directory ({@code layernas compare}) as the compare page shows it: the summary
 * table, the curves (mean and 25-75% band per strategy, metric and axis) and, per seed, where each
 * run's best-so-far trace ended. Read from its CSV files (docs/results.md) on each request.
 */
final class ComparisonView {
    private final RunCatalog.Entry entry;

    ComparisonView(RunCatalog.Entry entry) {
        this.entry = entry;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id());
        json.put("name", entry.name());
        json.put("finished", Files.isRegularFile(entry.file("summary.csv")));
        json.put("summary", table(entry.file("summary.csv")));
        json.put("curves", table(entry.file("curves.csv")));
        json.put("runs", finalValues(entry.file("runs.csv")));
        json.put("config", ConfigFile.read(entry.file("config.yaml")).text());
        return json;
    }

    /** Header and rows of a CSV file; the files hold no quoted fields. */
    private static Map<String, Object> table(Path file) {
        List<String[]> lines = lines(file);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("header", lines.isEmpty() ? List.of() : Arrays.asList(lines.get(0)));
        json.put("rows", lines.isEmpty() ? List.of() : lines.subList(1, lines.size()));
        return json;
    }

    /** runs.csv holds every trial of every run; the page needs each run's last line. */
    private static Map<String, Object> finalValues(Path file) {
        Map<String, String[]> last = new LinkedHashMap<>();
        Map<String, Integer> points = new LinkedHashMap<>();
        List<String[]> lines = lines(file);
        for (String[] line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String key = line[0] + "\u0000" + line[1];
            last.put(key, line);
            points.merge(key, 1, Integer::sum);
        }
        List<List<String>> rows = new ArrayList<>();
        last.forEach((key, line) -> {
            List<String> row = new ArrayList<>(Arrays.asList(line));
            row.add(Integer.toString(points.get(key)));
            rows.add(row);
        });
        return Map.of("header", List.of("strategy", "seed", "time", "valid", "test", "points"), "rows", rows);
    }

    private static List<String[]> lines(Path file) {
        List<String[]> lines = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return lines;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return lines;
    }
}
