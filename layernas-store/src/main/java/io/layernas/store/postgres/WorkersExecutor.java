package io.layernas.store.postgres;

import io.layernas.api.CandidateExecutor;
import io.layernas.api.ConfigurationException;
import io.layernas.api.EvaluationJob;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.JobJournal;
import io.layernas.api.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The {@code workers} executor: each attempt becomes a task in the run's PostgreSQL database, which
 * any number of {@code layernas worker} processes, on any hosts, claim and evaluate. The run's
 * database and id come from its trial store (a {@link PostgresTrialStore}), through the job's
 * journal. A poller collects committed results; a task keyed by the attempt's key is queued once,
 * so a resumed run finds what workers finished or are still evaluating. Cancelling an attempt
 * (a time limit, the end of the budget) withdraws its task. When the database stays unreachable
 * for longer than {@code outage}, every attempt in flight ends with a {@link WorkerPoolError},
 * which stops the run. Thread-safe.
 */
public final class WorkersExecutor implements CandidateExecutor {
    private final Duration poll;
    private final Duration outage;
    private final int capacity;
    private final Map<String, CompletableFuture<Metrics>> pending = new ConcurrentHashMap<>();
    private final Map<String, RunQueue.Entry> unsent = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "layernas-workers-poll");
        thread.setDaemon(true);
        return thread;
    });
    private RunQueue queue;
    private long failingSinceNanos = -1;
    private volatile WorkerPoolError broken;

    /**
     * @param poll     how often to look for results
     * @param outage   how long the database may be unreachable before the run stops
     * @param capacity attempts the run hands over at once (the whole batch, normally)
     */
    public WorkersExecutor(Duration poll, Duration outage, int capacity) {
        this.poll = poll;
        this.outage = outage;
        this.capacity = capacity;
        poller.scheduleWithFixedDelay(this::collect, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Metrics> submit(EvaluationJob job) {
        RunQueue runQueue = queueOf(job.journal());
        CompletableFuture<Metrics> result = new CompletableFuture<>();
        if (broken != null) {
            result.completeExceptionally(broken);
            return result;
        }
        pending.put(job.key(), result);
        result.whenComplete((metrics, error) -> {
            if (result.isCancelled() && pending.remove(job.key()) != null && unsent.remove(job.key()) == null) {
                withdraw(runQueue, job.key());
            }
        });
        EvaluationRequest request = job.request();
        RunQueue.Entry entry = new RunQueue.Entry(job.key(), request.trialIndex(), request.attempt(), request.seed(),
                request.architecture());
        try {
            runQueue.submit(List.of(entry));
        } catch (RuntimeException e) {
            unsent.put(job.key(), entry); // the poller queues it when the database answers again, or gives up
        }
        return result;
    }

    private synchronized RunQueue queueOf(JobJournal journal) {
        if (queue == null) {
            if (!(journal instanceof PostgresTrialStore.Journal run)) {
                throw new ConfigurationException("executor 'workers' needs the run's trials in PostgreSQL: set "
                        + "run.store: postgresql://host[:port]/database, the database the workers use.");
            }
            queue = new RunQueue(run.database(), run.runId());
        }
        return queue;
    }

    private synchronized void collect() {
        if (pending.isEmpty() || queue == null) {
            return;
        }
        try {
            if (!unsent.isEmpty()) {
                List<RunQueue.Entry> entries = List.copyOf(unsent.values());
                queue.submit(entries);
                entries.forEach(entry -> unsent.remove(entry.key()));
            }
            Map<String, TaskResult> done = queue.finished(List.copyOf(pending.keySet()));
            failingSinceNanos = -1;
            done.forEach(this::complete);
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            failingSinceNanos = failingSinceNanos < 0 ? now : failingSinceNanos;
            if (now - failingSinceNanos >= outage.toNanos()) {
                fail(e);
            }
        }
    }

    private void complete(String key, TaskResult result) {
        CompletableFuture<Metrics> future = pending.remove(key);
        if (future == null) {
            return;
        }
        if (result.metrics() != null) {
            future.complete(result.metrics());
        } else {
            future.completeExceptionally(new WorkerFailure(result.failure()));
        }
    }

    private void fail(RuntimeException cause) {
        broken = new WorkerPoolError("the worker pool's database has been unreachable for " + outage.toSeconds()
                + " s (" + cause.getMessage() + "). The run stops; every stored trial is kept. When the database "
                + "is back, continue with layernas run --resume DIR; the workers' finished results are reused.", cause);
        unsent.clear();
        for (String key : List.copyOf(pending.keySet())) {
            CompletableFuture<Metrics> future = pending.remove(key);
            if (future != null) {
                future.completeExceptionally(broken);
            }
        }
    }

    private synchronized void withdraw(RunQueue runQueue, String key) {
        try {
            runQueue.withdraw(List.of(key));
        } catch (RuntimeException e) {
            // The task stays queued; a worker evaluates it and the result is never read. Harmless.
        }
    }

    /** Jobs outlive the controller: a stopped run leaves them to {@link #close()} and to its resume. */
    @Override
    public boolean detachable() {
        return true;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    /** Stops polling. Tasks left in the queue stay there for a resumed run. */
    @Override
    public synchronized void close() {
        poller.shutdownNow();
        if (queue != null) {
            queue.close();
        }
    }

    /** An attempt a worker reported as failed; its message is the worker's reason. */
    static final class WorkerFailure extends Exception {
        private static final long serialVersionUID = 1L;

        WorkerFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    /** How often the poller looks, for tests and logs. */
    Duration poll() {
        return poll;
    }
}
