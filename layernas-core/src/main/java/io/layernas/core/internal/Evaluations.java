package io.layernas.core.internal;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationMonitor;
import io.layernas.api.EvaluationProgress;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import io.layernas.api.SearchEvent;
import io.layernas.api.SearchListener;
import io.layernas.api.SearchSpace;
import io.layernas.api.TrialStatus;
import io.layernas.core.Seeds;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one evaluation with retries and a time limit, turning every failure (exception, NaN,
 * timeout) into a reason instead of an exception. An evaluation cut short by the run's
 * {@link Stop} is neither a success nor a failure: it is {@linkplain Outcome#abandoned() abandoned},
 * and not recorded, so that a resumed run evaluates it again. Thread-safe.
 */
public final class Evaluations {
    private final SearchSpace space;
    private final Evaluator evaluator;
    private final long seed;
    private final int retries;
    private final Duration timeout;
    private final ExecutorService timeoutPool;
    private final Stop stop;

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
     * @param timeout     most time one attempt may take, or {@code null} for no limit
     * @param timeoutPool threads on which attempts run when there is a time limit
     * @param stop        the run's stop request
     */
    public Evaluations(SearchSpace space, Evaluator evaluator, long seed, int retries, Duration timeout,
                       ExecutorService timeoutPool, Stop stop) {
        this.space = space;
        this.evaluator = evaluator;
        this.seed = seed;
        this.retries = retries;
        this.timeout = timeout;
        this.timeoutPool = timeoutPool;
        this.stop = stop;
    }

    /**
     * Evaluates {@code architecture}, trying up to {@code 1 + retries} times; the evaluator's
     * progress goes to {@code events} as {@link SearchEvent.TrialProgress}.
     */
    public Outcome run(Architecture architecture, int trialIndex, SearchListener events) {
        long started = System.nanoTime();
        String failure = null;
        int attempt = 0;
        while (attempt <= retries) {
            attempt++;
            Monitor monitor = new Monitor(trialIndex, architecture, events);
            EvaluationRequest request = new EvaluationRequest(space, architecture, trialIndex,
                    Seeds.forArchitecture(seed, architecture), attempt, monitor);
            try {
                Metrics metrics = attempt(request, monitor);
                return new Outcome(metrics, null, seconds(started), attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
                break;
            } catch (Exception e) {
                failure = monitor.timedOut ? timedOut() : describe(e);
            }
            if (stop.requested()) {
                // An uninterrupted run would have made all its attempts: leave this one to the resumed run.
                return new Outcome(null, null, seconds(started), attempt);
            }
        }
        return new Outcome(null, failure, seconds(started), attempt);
    }

    private Metrics attempt(EvaluationRequest request, Monitor monitor) throws Exception {
        if (timeout == null) {
            return checked(evaluator.evaluate(request));
        }
        Future<Metrics> future = timeoutPool.submit(() -> evaluator.evaluate(request));
        try {
            return checked(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            monitor.timedOut = true;
            future.cancel(true);
            throw new IllegalStateException(timedOut());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private String timedOut() {
        return "timed out after " + timeout.toSeconds() + " s (evaluation.timeoutSeconds)";
    }

    /** One attempt's monitor: cancelled by the run's stop (abandoning) or by its own time limit. */
    private final class Monitor implements EvaluationMonitor {
        private final int trialIndex;
        private final Architecture architecture;
        private final SearchListener events;
        private volatile boolean timedOut;

        Monitor(int trialIndex, Architecture architecture, SearchListener events) {
            this.trialIndex = trialIndex;
            this.architecture = architecture;
            this.events = events;
        }

        @Override
        public void progress(EvaluationProgress progress) {
            if (progress != null) {
                events.onEvent(new SearchEvent.TrialProgress(trialIndex, architecture, progress));
            }
        }

        @Override
        public boolean cancelled() {
            return timedOut || stop.abandoning();
        }
    }

    private static Metrics checked(Metrics metrics) {
        if (metrics == null) {
            throw new IllegalStateException("the evaluator returned no metrics");
        }
        return metrics;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
