package io.layernas.api;

/**
 * Measures the quality of an architecture: trains and evaluates it, looks it up in a benchmark
 * table, or asks an external job.
 *
 * <p>Implementations must be thread-safe when the run evaluates in parallel. An evaluation that
 * fails throws; the search records the trial as failed with the exception's message and goes on.
 */
@FunctionalInterface
public interface Evaluator extends AutoCloseable {

    /**
     * Evaluates one candidate.
     *
     * @throws Exception any failure; the message should say what went wrong and how to fix it
     */
    Metrics evaluate(EvaluationRequest request) throws Exception;

    /** Releases resources (processes, native memory); the default does nothing. */
    @Override
    default void close() throws Exception {
    }
}
