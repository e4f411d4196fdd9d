package io.layernas.api;

import java.util.Objects;

/**
 * What an {@link Evaluator} is asked to evaluate.
 *
 * @param space        the search space the architecture belongs to
 * @param architecture the candidate
 * @param trialIndex   0-based index of the trial in the search, for logging and file names
 * @param seed         a seed for anything random in the evaluation (weight init, data order),
 *                     derived from the run's seed and the architecture so that it does not
 *                     depend on evaluation order or parallelism
 * @param attempt      1 for the first attempt, higher for retries
 */
public record EvaluationRequest(SearchSpace space, Architecture architecture, int trialIndex, long seed, int attempt) {
    public EvaluationRequest {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(architecture, "architecture");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1, was " + attempt);
        }
    }
}
