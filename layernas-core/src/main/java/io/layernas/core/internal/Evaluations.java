package io.layernas.core.internal;

import io.layernas.api.Architecture;
import io.layernas.api.CandidateExecutor;
import io.layernas.api.EvaluationJob;
import io.layernas.api.EvaluationMonitor;
import io.layernas.api.EvaluationProgress;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.JobJournal;
import io.layernas.api.Metrics;
import io.layernas.api.SearchEvent;
import io.layernas.api.SearchListener;
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
 * an exception. An evaluation cut short by the run's {@link Stop} is neither a success nor a
 * failure: it is {@linkplain Outcome#abandoned() abandoned} and not recorded, so that a resumed run
 * evaluates it again. Each attempt's request carries a monitor: the evaluator's progress becomes
 * {@link SearchEvent.TrialProgress} events, and a stop that abandons (or the time limit) cancels it.
 * Thread-safe.
 */
public final class Evaluations {
    private final SearchSpace space;
    private final CandidateExecutor executor;
    private final JobJournal journal;
    private final long seed;
    private final int retries;
    private final Duration timeout;
    private final Stop stop;
    private final java.util.Set<Attempts> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Outcome of all attempts at one architecture; neither metrics nor failure when abandoned. */
    public record Outcome(Metrics metrics, String failure, double wallSeconds, int attempts) {
        /** The status the outcome gives its trial. */
        public TrialStatus status() {
            return metrics != null ? TrialStatus.SUCCEEDED : TrialStatus.FAILED;
        }

        /** True when the run's stop cut the evaluation short: there is no trial to record. */
        public boolean abandoned() {
            return metrics == null && failure == null;
        }
    }

    /**
     * @param journal where a remote executor records its jobs (the trial store's)
     * @param timeout most time one attempt may take, or {@code null} for no limit
     * @param stop    the run's stop request
     */
    public Evaluations(SearchSpace space, CandidateExecutor executor, JobJournal journal, long seed, int retries,
                       Duration timeout, Stop stop) {
        this.space = space;
        this.executor = executor;
        this.journal = journal;
        this.seed = seed;
        this.retries = retries;
        this.timeout = timeout;
        this.stop = stop;
        if (executor.detachable()) {
            stop.onRequest(this::detachAll);
        }
    }

    /**
     * A stop with an executor whose work outlives this process: stop waiting for that work without
     * cancelling it (the executor's close decides), so the interrupted run ends at once and a resumed
     * run re-attaches. The evaluations are abandoned, not failed.
     */
    private void detachAll() {
        for (Attempts attempts : live) {
            attempts.outcome.complete(new Outcome(null, null, seconds(attempts.started), attempts.attempt));
        }
    }

    /** Attempts the executor runs at once. */
    public int capacity() {
        return executor.capacity();
    }

    /**
     * Starts evaluating {@code architecture}, trying up to {@code 1 + retries} times. Cancelling the
     * returned future cancels the attempt in flight. The evaluator's progress goes to {@code events}.
     */
    public CompletableFuture<Outcome> start(Architecture architecture, int trialIndex, SearchListener events) {
        Attempts attempts = new Attempts(architecture, trialIndex, events);
        live.add(attempts);
        attempts.outcome.whenComplete((o, e) -> live.remove(attempts));
        attempts.next();
        if (executor.detachable() && stop.requested()) {
            detachAll();
        }
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
        private final SearchListener events;
        private final long started = System.nanoTime();
        private volatile CompletableFuture<Metrics> current;
        private volatile int attempt;

        Attempts(Architecture architecture, int trialIndex, SearchListener events) {
            this.architecture = architecture;
            this.trialIndex = trialIndex;
            this.events = events;
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
            AtomicBoolean timedOut = new AtomicBoolean();
            EvaluationRequest request = new EvaluationRequest(space, architecture, trialIndex,
                    Seeds.forArchitecture(seed, architecture), number, new Monitor(this, timedOut));
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
            if (stop.requested()) {
                // An uninterrupted run would have made all its attempts: leave this one to the resumed run.
                outcome.complete(new Outcome(null, null, seconds(started), number));
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

    /**
     * One attempt's monitor: cancelled by a stop that abandons, its time limit, or its trial's
     * cancellation. Before the attempt has begun (the first {@link #cancelled()} call, which the local
     * executor makes just before it calls the evaluator) any stop cancels it, so a queued attempt never
     * starts after a stop.
     */
    private final class Monitor implements EvaluationMonitor {
        private final Attempts attempts;
        private final AtomicBoolean timedOut;
        private volatile boolean began;

        Monitor(Attempts attempts, AtomicBoolean timedOut) {
            this.attempts = attempts;
            this.timedOut = timedOut;
        }

        @Override
        public void progress(EvaluationProgress progress) {
            if (progress != null && !cancelled()) {
                attempts.events.onEvent(new SearchEvent.TrialProgress(attempts.trialIndex, attempts.architecture,
                        progress));
            }
        }

        @Override
        public boolean cancelled() {
            if (!began) {
                if (stop.requested()) {
                    return true;
                }
                began = true;
            }
            return timedOut.get() || stop.abandoning() || attempts.outcome.isCancelled();
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
