package io.layernas.evaluators.external;

import io.layernas.api.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the metrics an external command prints: the last line of its stdout that starts with
 * <code>{</code> must be a JSON object with a finite number {@code objective}, optionally
 * {@code trainingSeconds} (else the measured wall time counts), and any other numeric keys, which
 * become {@link Metrics#values()}. Keys with other values are ignored.
 */
final class MetricsJson {

    private MetricsJson() {
    }

    /**
     * The metrics in {@code stdout}.
     *
     * @param wallSeconds the command's measured run time, used when it reports no {@code trainingSeconds}
     * @throws IllegalArgumentException saying what is missing or malformed
     */
    static Metrics read(String stdout, double wallSeconds) {
        Map<?, ?> object = lastObject(stdout);
        double objective = number(object, "objective");
        if (!Double.isFinite(objective)) {
            throw new IllegalArgumentException("the objective is " + objective + ", not a finite number");
        }
        double seconds = object.containsKey("trainingSeconds") ? number(object, "trainingSeconds") : wallSeconds;
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("trainingSeconds is " + seconds + ", not a number >= 0");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            if (value instanceof Double number && !key.equals("objective") && !key.equals("trainingSeconds")) {
                values.put(key.toString(), number);
            }
        });
        return new Metrics(objective, seconds, values);
    }

    private static Map<?, ?> lastObject(String stdout) {
        List<String> lines = stdout.lines().map(String::strip).filter(line -> line.startsWith("{")).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("it printed no JSON object on stdout; its last line must be like "
                    + "{\"objective\": 0.91, \"trainingSeconds\": 120}");
        }
        Object value = Json.parse(lines.get(lines.size() - 1));
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("its last JSON line is not an object");
        }
        return map;
    }

    private static double number(Map<?, ?> object, String key) {
        Object value = object.get(key);
        if (!(value instanceof Double number)) {
            throw new IllegalArgumentException("its JSON has no number '" + key + "' (found " + value + ")");
        }
        return number;
    }
}
