package io.layernas.api;

import java.util.Map;
import java.util.Objects;

/**
 * What an evaluation measured.
 *
 * @param objective       the search metric, higher is better (e.g. validation accuracy in [0, 1])
 * @param trainingSeconds the training time the evaluation took or, for a benchmark table, the
 *                        recorded (simulated) training time; counts against a time budget
 * @param values          further named measurements, e.g. {@code test_accuracy}, {@code params};
 *                        reported, never used by the search
 */
public record Metrics(double objective, double trainingSeconds, Map<String, Double> values) {
    /** Conventional key of the test accuracy in {@link #values()}. */
    public static final String TEST_ACCURACY = "test_accuracy";

    public Metrics {
        if (Double.isNaN(objective) || Double.isInfinite(objective)) {
            throw new IllegalArgumentException("objective must be a finite number, was " + objective);
        }
        if (Double.isNaN(trainingSeconds) || trainingSeconds < 0) {
            throw new IllegalArgumentException("trainingSeconds must be >= 0, was " + trainingSeconds);
        }
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
    }

    /** Metrics with an objective and nothing else. */
    public static Metrics of(double objective) {
        return new Metrics(objective, 0, Map.of());
    }

    /** A named value, or {@code fallback} when absent. */
    public double value(String key, double fallback) {
        Double value = values.get(key);
        return value == null ? fallback : value;
    }
}
