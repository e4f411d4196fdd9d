package io.layernas.core;

import io.layernas.api.CandidateExecutor;
import io.layernas.api.EvaluationJob;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * The {@code local} executor: evaluates on a fixed number of daemon threads of this JVM.
 * Cancelling an attempt's future interrupts its thread; a job whose monitor is cancelled by the time
 * a thread takes it never starts. Nothing survives the process, so there is
 * nothing to re-attach to on resume (a resumed run evaluates unfinished candidates again).
 * Thread-safe.
 */
public final class LocalExecutor implements CandidateExecutor {
    private final Evaluator evaluator;
    private final int workers;
    private final ExecutorService pool;

    /** Evaluates with {@code evaluator} on {@code workers} threads (at least 1). */
    public LocalExecutor(Evaluator evaluator, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.evaluator = evaluator;
        this.workers = workers;
        this.pool = Executors.newFixedThreadPool(workers, daemon("layernas-worker"));
    }

    @Override
    public CompletableFuture<Metrics> submit(EvaluationJob job) {
        CompletableFuture<Metrics> result = new CompletableFuture<>();
        Future<?> task = pool.submit(() -> {
            try {
                job.request().monitor().checkCancelled(); // a job queued when the run stopped never starts
                result.complete(evaluator.evaluate(job.request()));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        result.whenComplete((metrics, error) -> {
            if (result.isCancelled()) {
                task.cancel(true);
            }
        });
        return result;
    }

    @Override
    public int capacity() {
        return workers;
    }

    /**
     * Interrupts running evaluations and waits until each has returned, so that no thread is left
     * inside an evaluator (or its native code) when the process exits; the evaluator itself is closed
     * by whoever created it. Evaluators that watch {@link io.layernas.api.EvaluationMonitor#cancelled()}
     * return within a training step. Idempotent.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
