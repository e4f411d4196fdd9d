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
 * @param monitor      where to report progress and learn of cancellation; {@link EvaluationMonitor#NONE}
 *                     outside a run
 */
public record EvaluationRequest(SearchSpace space, Architecture architecture, int trialIndex, long seed, int attempt,
                                EvaluationMonitor monitor) {
    public EvaluationRequest {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(monitor, "monitor");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1, was " + attempt);
        }
    }

    /** A request outside a run: nothing listens to its progress and nothing cancels it. */
    public EvaluationRequest(SearchSpace space, Architecture architecture, int trialIndex, long seed, int attempt) {
        this(space, architecture, trialIndex, seed, attempt, EvaluationMonitor.NONE);
    }
}
