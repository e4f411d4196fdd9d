package io.layernas.store.postgres;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One worker of the pool: claims a task, evaluates it with its run's evaluator while a heartbeat
 * renews the lease, commits the result, and claims the next; with nothing to do it waits (so it
 * may start before its run). {@link #stop()} (Ctrl-C) interrupts the evaluation and ends the
 * loop: a result that was ready is committed, otherwise the task goes back to the queue at once.
 * When the database cannot be reached it retries, for up to {@link Settings#outage()}: a claim
 * waits, a finished result is committed once the database is back (dropped if its lease ran out
 * meanwhile and another worker took the task). Runs on the thread that calls {@link #run()}.
 */
public final class PoolWorker {
    /** Evaluates the tasks of one run. */
    @FunctionalInterface
    public interface Evaluation {
        /** Evaluates {@code task}; failures of the evaluator are a result, not an exception. */
        TaskResult evaluate(ClaimedTask task);
    }

    /** Builds the evaluation of a run from its stored configuration (YAML). */
    @FunctionalInterface
    public interface Evaluations {
        /** The evaluation of run {@code runId}; throws with a message when this host cannot build it. */
        Evaluation forRun(String runId, String config);
    }

    /**
     * How a worker behaves.
     *
     * @param lease      how long a claim lasts without a heartbeat (a dead worker's task waits this long)
     * @param poll       how long to wait before looking again when the queue is empty
     * @param runs       the run ids to serve; empty for every run in the database
     * @param idleExit   end after this long without work, or {@code null} to wait for ever
     * @param outage     how long the database may stay unreachable before the worker gives up
     */
    public record Settings(Duration lease, Duration poll, List<String> runs, Duration idleExit, Duration outage) {
        public Settings {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(poll, "poll");
            Objects.requireNonNull(outage, "outage");
            runs = List.copyOf(runs);
        }
    }

    private final WorkerQueue queue;
    private final Evaluations evaluations;
    private final Settings settings;
    private final PrintStream log;
    private final Map<String, Evaluation> byRun = new HashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "layernas-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Object lock = new Object();
    private volatile boolean stopping;
    private volatile Thread loop;
    private ClaimedTask evaluating;
    private int completed;
    private long failingSince = -1;
    private Duration retryPause;

    /** A worker on {@code queue}, logging what it does to {@code log}. */
    public PoolWorker(WorkerQueue queue, Evaluations evaluations, Settings settings, PrintStream log) {
        this.queue = queue;
        this.evaluations = evaluations;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Serves tasks until {@link #stop()} or, with {@link Settings#idleExit()}, until idle that long.
     * Returns the number of results it committed.
     *
     * @throws SQLException when the database stayed unreachable for longer than {@link Settings#outage()};
     *                      a claimed task's lease runs out and another worker takes it
     */
    public int run() throws SQLException {
        loop = Thread.currentThread();
        long idleSince = System.nanoTime();
        try {
            while (!stopping) {
                Optional<ClaimedTask> task;
                try {
                    task = queue.claim(settings.runs(), settings.lease());
                    reached();
                } catch (SQLException e) {
                    unreachable(e);
                    continue;
                }
                if (task.isPresent()) {
                    process(task.get());
                    idleSince = System.nanoTime();
                } else if (settings.idleExit() != null
                        && System.nanoTime() - idleSince > settings.idleExit().toNanos()) {
                    log.println("worker: no work for " + settings.idleExit().toSeconds() + " s; exiting");
                    break;
                } else {
                    pause(settings.poll());
                }
            }
        } finally {
            heartbeat.shutdownNow();
            Thread.interrupted();
        }
        return completed;
    }

    /** Stops the loop: a task being evaluated goes back to the queue. Safe from any thread (a shutdown hook). */
    public void stop() {
        stopping = true;
        Thread thread = loop;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Notes that the database answered: an outage, if there was one, is over. */
    private void reached() {
        if (failingSince >= 0) {
            log.println("worker: the database is back after " + (System.nanoTime() - failingSince) / 1_000_000_000L
                    + " s");
            failingSince = -1;
        }
    }

    /**
     * Notes a failure to reach the database and pauses before the next attempt (as
     * {@link ResilientConnection} does: 1 s, doubling up to 5 s).
     *
     * @throws SQLException {@code e}, explained, once the outage lasted longer than {@link Settings#outage()}
     */
    private void unreachable(SQLException e) throws SQLException {
        long now = System.nanoTime();
        if (failingSince < 0) {
            failingSince = now;
            retryPause = ResilientConnection.FIRST_PAUSE;
            log.println("worker: cannot reach the database (" + e.getMessage() + "); retrying for up to "
                    + settings.outage().toSeconds() + " s");
        } else if (now - failingSince >= settings.outage().toNanos()) {
            throw new SQLException("the database has been unreachable for " + settings.outage().toSeconds()
                    + " s (" + e.getMessage() + "). This worker exits; start it again when the database is back"
                    + " (a candidate it held is evaluated again after its lease). Allow longer outages with"
                    + " --outage-seconds.", e.getSQLState(), e);
        }
        pause(retryPause);
        retryPause = ResilientConnection.nextPause(retryPause);
    }

    private void process(ClaimedTask task) throws SQLException {
        log.println("worker: run " + task.runId() + " trial #" + task.index() + " attempt " + task.attempt() + " "
                + task.architecture() + " (claim " + task.claim() + ")");
        Evaluation evaluation;
        try {
            evaluation = evaluationOf(task.runId());
        } catch (SQLException e) {
            unreachable(e); // the task's lease runs out and it is claimed again, here or elsewhere
            return;
        }
        long period = Math.max(50, settings.lease().toMillis() / 3);
        ScheduledFuture<?> beats = heartbeat.scheduleAtFixedRate(() -> renew(task), period, period,
                TimeUnit.MILLISECONDS);
        TaskResult result;
        synchronized (lock) {
            evaluating = task;
        }
        try {
            result = evaluate(evaluation, task);
        } finally {
            beats.cancel(false);
            synchronized (lock) {
                evaluating = null;
            }
            if (!stopping) {
                Thread.interrupted(); // a lost lease interrupted the evaluation; the loop goes on
            }
        }
        if (stopping && result.metrics() == null) {
            // Most likely the stop interrupted it: not a failure of the architecture.
            Thread.interrupted();
            handBack(task);
            return;
        }
        commit(task, result);
    }

    /** Commits {@code result}, waiting out an outage of the database; a stop leaves it to the lease. */
    private void commit(ClaimedTask task, TaskResult result) throws SQLException {
        while (true) {
            try {
                if (queue.complete(task, result)) {
                    completed++;
                } else {
                    log.println("worker: lease of run " + task.runId() + " trial #" + task.index() + " was lost; its"
                            + " result is dropped (another worker evaluates it)");
                }
                reached();
                return;
            } catch (SQLException e) {
                unreachable(e);
                if (stopping) {
                    log.println("worker: stopping; the result of trial #" + task.index() + " could not be committed"
                            + " (the database is unreachable); it is evaluated again after its lease");
                    return;
                }
            }
        }
    }

    private void handBack(ClaimedTask task) {
        try {
            boolean returned = queue.release(task);
            log.println("worker: stopping; trial #" + task.index() + (returned ? " handed back to the queue"
                    : " was already taken by another worker"));
        } catch (SQLException e) {
            log.println("worker: stopping; trial #" + task.index() + " could not be handed back (" + e.getMessage()
                    + "); it is evaluated again after its lease");
        }
    }

    /**
     * The evaluation of run {@code runId}, built once from its stored configuration; when it cannot be
     * built, one that fails the task saying why. A database that cannot be reached throws.
     */
    private Evaluation evaluationOf(String runId) throws SQLException {
        Evaluation evaluation = byRun.get(runId);
        if (evaluation != null) {
            return evaluation;
        }
        String config;
        try {
            config = queue.configOf(runId);
        } catch (IllegalStateException missing) {
            return failing(missing);
        }
        try {
            evaluation = evaluations.forRun(runId, config);
        } catch (RuntimeException e) {
            return failing(e); // not kept: the next task tries again (a data file may have been fixed)
        }
        byRun.put(runId, evaluation);
        return evaluation;
    }

    /** An evaluation that fails every task with why {@code cause} prevented building the real one. */
    private static Evaluation failing(RuntimeException cause) {
        return task -> cannotEvaluate(task, cause, 0);
    }

    private static TaskResult evaluate(Evaluation evaluation, ClaimedTask task) {
        long started = System.nanoTime();
        try {
            return evaluation.evaluate(task);
        } catch (RuntimeException e) {
            return cannotEvaluate(task, e, (System.nanoTime() - started) / 1e9);
        }
    }

    /** The failed result of {@code task}: this worker could not evaluate its run, because of {@code cause}. */
    private static TaskResult cannotEvaluate(ClaimedTask task, RuntimeException cause, double seconds) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new TaskResult(null, "worker " + hostName() + " cannot evaluate run '" + task.runId() + "': " + why,
                seconds);
    }

    private void renew(ClaimedTask task) {
        try {
            if (!queue.renew(task, settings.lease())) {
                log.println("worker: lease of run " + task.runId() + " trial #" + task.index() + " was lost (expired"
                        + " or withdrawn by the run); stopping its evaluation");
                synchronized (lock) {
                    if (evaluating == task) {
                        loop.interrupt();
                    }
                }
            }
        } catch (SQLException e) {
            log.println("worker: heartbeat failed: " + e.getMessage());
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** This host's name, for logs and the queue's {@code worker} column. */
    public static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }
}
