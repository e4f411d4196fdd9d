package io.layernas.store.postgres;

import io.layernas.api.Metrics;

/**
 * What a worker reports for one task: the evaluator's metrics, or why every attempt failed.
 *
 * @param metrics     the metrics; {@code null} exactly when it failed
 * @param failure     why it failed; {@code null} when it succeeded
 * @param wallSeconds wall-clock seconds of all attempts
 * @param attempts    attempts made
 */
public record TaskResult(Metrics metrics, String failure, double wallSeconds, int attempts) {
    public TaskResult {
        if ((metrics == null) == (failure == null)) {
            throw new IllegalArgumentException("a task result has metrics or a failure, not both");
        }
    }
}
