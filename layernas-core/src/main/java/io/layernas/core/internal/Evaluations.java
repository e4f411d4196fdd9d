package io.layernas.core.internal;

import io.layernas.api.Architecture;
import io.layernas.api.CandidateExecutor;
import io.layernas.api.EvaluationJob;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.JobJournal;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import io.layernas.api.TrialStatus;
import io.layernas.core.Seeds;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one evaluation through the run's {@link CandidateExecutor}, with retries and a time limit,
 * turning every failure (exception, missing metrics, timeout, failed job) into a reason instead of
 * an exception. Thread-safe.
 */
public final class Evaluations {
    private final SearchSpace space;
    private final CandidateExecutor executor;
    private final JobJournal journal;
    private final long seed;
    private final int retries;
    private final Duration timeout;

    /** Outcome of all attempts at one architecture. */
    public record Outcome(Metrics metrics, String failure, double wallSeconds, int attempts) {
        /** The status the outcome gives its trial. */
        public TrialStatus status() {
            return metrics != null ? TrialStatus.SUCCEEDED : TrialStatus.FAILED;
        }
    }

    /**
     * @param journal where a remote executor records its jobs (the trial store's)
     * @param timeout most time one attempt may take, or {@code null} for no limit
     */
    public Evaluations(SearchSpace space, CandidateExecutor executor, JobJournal journal, long seed, int retries,
                       Duration timeout) {
        this.space = space;
        this.executor = executor;
        this.journal = journal;
        this.seed = seed;
        this.retries = retries;
        this.timeout = timeout;
    }

    /** Attempts the executor runs at once. */
    public int capacity() {
        return executor.capacity();
    }

    /**
     * Starts evaluating {@code architecture}, trying up to {@code 1 + retries} times. Cancelling the
     * returned future cancels the attempt in flight.
     */
    public CompletableFuture<Outcome> start(Architecture architecture, int trialIndex) {
        Attempts attempts = new Attempts(architecture, trialIndex);
        attempts.next();
        return attempts.outcome;
    }

    /**
     * Waits for {@code future}. An interrupt of the waiting thread cancels it and fails the trial
     * with {@code interrupted}; an {@link Error} in the evaluation is rethrown.
     */
    public static <T> T await(CompletableFuture<T> future, java.util.function.Function<String, T> interrupted) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return interrupted.apply("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The attempts at one architecture, each submitted when the one before has failed. */
    private final class Attempts {
        private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        private final Architecture architecture;
        private final int trialIndex;
        private final long started = System.nanoTime();
        private volatile CompletableFuture<Metrics> current;
        private int attempt;

        Attempts(Architecture architecture, int trialIndex) {
            this.architecture = architecture;
            this.trialIndex = trialIndex;
            outcome.whenComplete((o, e) -> {
                CompletableFuture<Metrics> running = current;
                if (outcome.isCancelled() && running != null) {
                    running.cancel(true);
                }
            });
        }

        void next() {
            attempt++;
            int number = attempt;
            EvaluationRequest request = new EvaluationRequest(space, architecture, trialIndex,
                    Seeds.forArchitecture(seed, architecture), number);
            CompletableFuture<Metrics> future;
            try {
                future = executor.submit(EvaluationJob.of(request, journal));
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            current = future;
            if (outcome.isDone()) {
                future.cancel(true);
                return;
            }
            AtomicBoolean timedOut = new AtomicBoolean();
            if (timeout != null) {
                CompletableFuture<Metrics> limited = future;
                CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                    if (!limited.isDone()) {
                        timedOut.set(true);
                        limited.cancel(true);
                    }
                });
            }
            future.whenComplete((metrics, error) -> finish(number, metrics, error, timedOut.get()));
        }

        private void finish(int number, Metrics metrics, Throwable error, boolean timedOut) {
            if (outcome.isDone()) {
                return;
            }
            if (error == null && metrics != null) {
                outcome.complete(new Outcome(metrics, null, seconds(started), number));
                return;
            }
            Throwable cause = unwrap(error);
            if (cause instanceof Error fatal) {
                outcome.completeExceptionally(fatal);
                return;
            }
            String failure = timedOut ? "timed out after " + timeout.toSeconds() + " s, the time limit per evaluation"
                    : cause == null ? "the evaluator returned no metrics" : describe(cause);
            if (number <= retries && !(cause instanceof InterruptedException)) {
                next();
            } else {
                outcome.complete(new Outcome(null, failure, seconds(started), number));
            }
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable e) {
        if (e instanceof InterruptedException) {
            return "interrupted";
        }
        if (e instanceof CancellationException) {
            return "cancelled";
        }
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
