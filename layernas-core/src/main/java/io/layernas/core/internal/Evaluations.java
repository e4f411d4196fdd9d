package io.layernas.core.internal;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
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
 * timeout) into a reason instead of an exception. Thread-safe.
 */
public final class Evaluations {
    private final SearchSpace space;
    private final Evaluator evaluator;
    private final long seed;
    private final int retries;
    private final Duration timeout;
    private final ExecutorService timeoutPool;

    /** Outcome of all attempts at one architecture. */
    public record Outcome(Metrics metrics, String failure, double wallSeconds, int attempts) {
        /** The status the outcome gives its trial. */
        public TrialStatus status() {
            return metrics != null ? TrialStatus.SUCCEEDED : TrialStatus.FAILED;
        }
    }

    /**
     * @param timeout     most time one attempt may take, or {@code null} for no limit
     * @param timeoutPool threads on which attempts run when there is a time limit
     */
    public Evaluations(SearchSpace space, Evaluator evaluator, long seed, int retries, Duration timeout,
                       ExecutorService timeoutPool) {
        this.space = space;
        this.evaluator = evaluator;
        this.seed = seed;
        this.retries = retries;
        this.timeout = timeout;
        this.timeoutPool = timeoutPool;
    }

    /** Evaluates {@code architecture}, trying up to {@code 1 + retries} times. */
    public Outcome run(Architecture architecture, int trialIndex) {
        long started = System.nanoTime();
        String failure = null;
        int attempt = 0;
        while (attempt <= retries) {
            attempt++;
            EvaluationRequest request = new EvaluationRequest(space, architecture, trialIndex,
                    Seeds.forArchitecture(seed, architecture), attempt);
            try {
                Metrics metrics = attempt(request);
                return new Outcome(metrics, null, seconds(started), attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
                break;
            } catch (Exception e) {
                failure = describe(e);
            }
        }
        return new Outcome(null, failure, seconds(started), attempt);
    }

    private Metrics attempt(EvaluationRequest request) throws Exception {
        if (timeout == null) {
            return checked(evaluator.evaluate(request));
        }
        Future<Metrics> future = timeoutPool.submit(() -> evaluator.evaluate(request));
        try {
            return checked(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s, the time limit per evaluation");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
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
