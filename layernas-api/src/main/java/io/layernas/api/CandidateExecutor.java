package io.layernas.api;

import java.util.concurrent.CompletableFuture;

/**
 * Where candidates are evaluated: threads of this JVM ({@code local}), jobs of a cluster scheduler
 * ({@code slurm}), worker processes on other hosts. Independent of the {@link Evaluator}, which says
 * how a candidate is judged. The run owns the loop, the trial store, retries and time limits; an
 * executor only carries out one attempt at a time per {@link EvaluationJob} it is given.
 *
 * <p>Contract: {@link #submit} never blocks on the evaluation; work beyond {@link #capacity()}
 * waits in the executor's own queue. The returned future completes with the metrics, or
 * exceptionally with an exception whose message says why the attempt failed (exit code, state,
 * stderr tail); the run records it as the trial's failure and may retry with a new attempt.
 * Cancelling the future ({@code cancel(true)}) asks the executor to stop that attempt.
 *
 * <p>A remote executor re-attaches on resume: the {@link EvaluationJob#key()} of an attempt is the
 * same in the resumed run, so an executor that recorded its job id under that key in the
 * {@link EvaluationJob#journal()} waits for that job instead of starting the work again.
 *
 * <p>Implementations must be thread-safe.
 */
public interface CandidateExecutor extends AutoCloseable {

    /** Starts one attempt of one candidate; see the class comment for what the future means. */
    CompletableFuture<Metrics> submit(EvaluationJob job);

    /**
     * Attempts that run at once (at least 1). With 1, the run evaluates a batch one candidate at
     * a time; with more, it submits a whole batch and accepts the trials in candidate order, so the
     * trials do not depend on the capacity.
     */
    default int capacity() {
        return 1;
    }

    /**
     * True when the work runs outside this process and outlives it (cluster jobs, remote workers).
     * A run that is stopped (Ctrl-C, SIGTERM) then stops waiting for such work at once, without
     * cancelling it: {@link #close()} decides whether it keeps running, and a resumed run re-attaches
     * to it. Work in this process (the default, {@code false}) is finished or abandoned instead.
     */
    default boolean detachable() {
        return false;
    }

    /**
     * Stops the executor at the end of a run or when the controller is interrupted. Work still
     * running elsewhere (cluster jobs) is left running unless the executor was configured to
     * cancel it, so that a resumed run can re-attach. The default does nothing.
     */
    @Override
    default void close() {
    }
}
