package io.layernas.store.postgres;

import io.layernas.api.Metrics;

/**
 * What a worker reports for one task (one attempt at one candidate): the evaluator's metrics, or
 * why the attempt failed.
 *
 * @param metrics     the metrics; {@code null} exactly when it failed
 * @param failure     why it failed; {@code null} when it succeeded
 * @param wallSeconds wall-clock seconds the attempt took on the worker
 */
public record TaskResult(Metrics metrics, String failure, double wallSeconds) {
    public TaskResult {
        if ((metrics == null) == (failure == null)) {
            throw new IllegalArgumentException("a task result has metrics or a failure, not both");
        }
    }
}
