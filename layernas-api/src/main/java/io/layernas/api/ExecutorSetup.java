package io.layernas.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the run gives an {@link ExecutorProvider}. Immutable.
 *
 * @param space        the search space
 * @param evaluator    the evaluator, for executors that evaluate in this JVM
 * @param workers      evaluations at once the user asked for in {@code run.workers} (at least 1)
 * @param runDirectory the run's output directory, where an executor may keep its own files
 * @param remote       how another process evaluates a request, or {@code null} when the run
 *                     cannot be evaluated outside this JVM (a run built in code, say)
 */
public record ExecutorSetup(SearchSpace space, Evaluator evaluator, int workers, Path runDirectory,
                            RemoteEvaluation remote) {
    public ExecutorSetup {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(runDirectory, "runDirectory");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
    }

    /** How another process evaluates a request, if this run can be evaluated outside this JVM. */
    public Optional<RemoteEvaluation> remoteEvaluation() {
        return Optional.ofNullable(remote);
    }
}
