package io.layernas.spaces.mobilenet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * An on-device latency lookup table: block key to mean latency in ms, read from the YAML files
 * ProxylessNAS and Once-for-All publish ({@code key: {count, mean, var|std}}). Only the flat form
 * those files use is read (a top-level key per block, indented {@code field: number} lines), so
 * this module needs no YAML library.
 *
 * <p>Two key formats exist: ProxylessNAS's, where {@code expand} is the expansion ratio, and
 * Once-for-All's, where it is the expanded width and {@code se}/{@code hs} flag squeeze-and-excite
 * and h-swish. ProxylessNAS's {@code Logits} entry includes the global pooling; its input is
 * stored as {@code 1x1xC} here so that it matches the dense classifier op. Immutable and thread-safe.
 */
public final class LatencyTable {
    /** How a table writes the expansion of a bottleneck. */
    public enum Format {
        /** {@code expand} is the ratio expanded / input (ProxylessNAS, Pixel 1). */
        RATIO,
        /** {@code expand} is the expanded width, plus {@code se} and {@code hs} flags (Once-for-All, Note10). */
        CHANNELS
    }

    private final String source;
    private final Format format;
    private final Map<String, Double> meanMs;

    private LatencyTable(String source, Format format, Map<String, Double> meanMs) {
        this.source = source;
        this.format = format;
        this.meanMs = Collections.unmodifiableMap(meanMs);
    }

    /**
     * Reads a table file.
     *
     * @throws IllegalArgumentException naming the file and line when it cannot be read or parsed
     */
    public static LatencyTable load(Path file) {
        try {
            return parse(file.toString(), Files.readAllLines(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read latency table " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the lines of a table; {@code source} names it in messages. */
    public static LatencyTable parse(String source, List<String> lines) {
        Map<String, Double> means = new LinkedHashMap<>();
        String key = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                key = topLevelKey(source, i, trimmed, means);
            } else if (trimmed.startsWith("mean:")) {
                if (key == null) {
                    throw error(source, i, "a 'mean' line before any block key");
                }
                means.put(key, number(source, i, trimmed.substring(5).strip()));
            }
        }
        means.forEach((k, v) -> {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("latency table " + source + ": block '" + k + "' has no 'mean' line");
            }
        });
        if (means.isEmpty()) {
            throw new IllegalArgumentException("latency table " + source + " has no entries; expected lines like "
                    + "'Conv-input:224x224x3-output:112x112x32:' followed by '  mean: 4.08'");
        }
        return new LatencyTable(source, detectFormat(means), normalizeLogits(means));
    }

    /** Where the table came from (its path). */
    public String source() {
        return source;
    }

    /** The key format. */
    public Format format() {
        return format;
    }

    /** The mean latency in ms stored under {@code key}, if any. */
    public OptionalDouble lookup(String key) {
        Double ms = meanMs.get(key);
        return ms == null ? OptionalDouble.empty() : OptionalDouble.of(ms);
    }

    /** All entries, key to mean ms, in file order. */
    public Map<String, Double> entries() {
        return meanMs;
    }

    private static String topLevelKey(String source, int line, String trimmed, Map<String, Double> means) {
        if (!trimmed.endsWith(":")) {
            throw error(source, line, "a block key must end with ':'");
        }
        String key = trimmed.substring(0, trimmed.length() - 1).replace("'", "").replace("\"", "");
        if (means.putIfAbsent(key, Double.NaN) != null) {
            throw error(source, line, "block '" + key + "' appears twice");
        }
        return key;
    }

    private static double number(String source, int line, String text) {
        try {
            double value = Double.parseDouble(text);
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw error(source, line, "mean latency " + text + " must be a finite number >= 0 (ms)");
            }
            return value;
        } catch (NumberFormatException e) {
            throw error(source, line, "mean latency '" + text + "' is not a number");
        }
    }

    private static Format detectFormat(Map<String, Double> means) {
        return means.keySet().stream().anyMatch(k -> k.contains("-se:")) ? Format.CHANNELS : Format.RATIO;
    }

    private static Map<String, Double> normalizeLogits(Map<String, Double> means) {
        Map<String, Double> normalized = new LinkedHashMap<>();
        means.forEach((k, v) -> normalized.put(k.replaceFirst("^Logits-input:\\d+x\\d+x", "Logits-input:1x1x"), v));
        return normalized;
    }

    private static IllegalArgumentException error(String source, int line, String what) {
        return new IllegalArgumentException("latency table " + source + ", line " + (line + 1) + ": " + what);
    }
}
