package io.layernas.api;

import java.util.Map;
import java.util.Objects;

/**
 * What an evaluation measured, and the tail of what the evaluator logged while it ran.
 *
 * @param objective       the search metric, higher is better (e.g. validation accuracy in [0, 1])
 * @param trainingSeconds the training time the evaluation took or, for a benchmark table, the
 *                        recorded (simulated) training time; counts against a time budget
 * @param values          further named measurements, e.g. {@code test_accuracy}, {@code params};
 *                        reported, never used by the search
 * @param log             the last lines the evaluator logged (its job's output), or {@code null} when
 *                        it logged nothing; kept with the trial and shown in its details, never used by
 *                        the search. Longer text is cut to its tail: the last {@link #LOG_LINES} lines,
 *                        at most {@link #LOG_CHARS} characters
 */
public record Metrics(double objective, double trainingSeconds, Map<String, Double> values, String log) {
    /** Conventional key of the test accuracy in {@link #values()}. */
    public static final String TEST_ACCURACY = "test_accuracy";
    /** The most lines of {@link #log()} kept. */
    public static final int LOG_LINES = 40;
    /** The most characters of {@link #log()} kept (4 KB of ASCII). */
    public static final int LOG_CHARS = 4096;

    public Metrics {
        if (Double.isNaN(objective) || Double.isInfinite(objective)) {
            throw new IllegalArgumentException("objective must be a finite number, was " + objective);
        }
        if (Double.isNaN(trainingSeconds) || trainingSeconds < 0) {
            throw new IllegalArgumentException("trainingSeconds must be >= 0, was " + trainingSeconds);
        }
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
        log = tail(log);
    }

    /** Metrics without a log. */
    public Metrics(double objective, double trainingSeconds, Map<String, Double> values) {
        this(objective, trainingSeconds, values, null);
    }

    /** Metrics with an objective and nothing else. */
    public static Metrics of(double objective) {
        return new Metrics(objective, 0, Map.of());
    }

    /** These metrics with {@code text} as their log (cut to its tail). */
    public Metrics withLog(String text) {
        return new Metrics(objective, trainingSeconds, values, text);
    }

    /** A named value, or {@code fallback} when absent. */
    public double value(String key, double fallback) {
        Double value = values.get(key);
        return value == null ? fallback : value;
    }

    /**
     * The last {@link #LOG_LINES} lines of {@code text}, at most {@link #LOG_CHARS} characters: what
     * {@link #log()} keeps.
     */
    public static String tail(String text) {
        return tail(text, LOG_LINES, LOG_CHARS);
    }

    /**
     * The last {@code lines} lines of {@code text}, at most {@code chars} characters (a line cut at its
     * start begins with {@code ...}), without trailing blank space; {@code null} for null or blank text.
     */
    public static String tail(String text, int lines, int chars) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String kept = text.stripTrailing();
        int start = kept.length();
        for (int line = 0; line < lines && start > 0; line++) {
            start = kept.lastIndexOf('\n', start - 1);
            if (start < 0) {
                break;
            }
        }
        kept = start < 0 ? kept : kept.substring(start + 1);
        return kept.length() <= chars ? kept : "..." + kept.substring(kept.length() - chars + 3);
    }
}
