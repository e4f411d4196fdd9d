package io.layernas.cli;

import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.workers.RunEvaluations;
import io.layernas.store.postgres.PoolWorker;
import io.layernas.store.postgres.PostgresDatabase;
import io.layernas.store.postgres.WorkerQueue;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code layernas worker --store URL}: one worker of the pool that evaluates runs with {@code executor: workers}. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Evaluates candidates for runs that use the worker pool: claims them from the PostgreSQL "
                + "store, evaluates them with the run's evaluator and commits the results. Start any number, on any "
                + "host; a worker started before its run waits for work. Ctrl-C hands a candidate being evaluated "
                + "back to the queue.",
                "Credentials: PGUSER and PGPASSWORD, or PGPASSFILE. Exit code 0 when stopped or idle, 2 on a "
                        + "configuration error, 1 when the database stayed unreachable for --outage-seconds."})
final class WorkerCommand implements Callable<Integer> {
    private final CliContext context;
    private final Provider<PluginRegistry> registry;

    @Option(names = "--store", required = true, paramLabel = "URL",
            description = "The runs' store, postgresql://host[:port]/database (the runs' run.store).")
    private String store;

    @Option(names = "--run", paramLabel = "ID", description = "Serve only this run (repeatable); default: every run.")
    private List<String> runs = List.of();

    @Option(names = "--lease-seconds", paramLabel = "S", defaultValue = "60",
            description = "How long a claim lasts without a heartbeat; a dead worker's candidate is re-run after "
                    + "this long (default: ${DEFAULT-VALUE}).")
    private double leaseSeconds;

    @Option(names = "--poll-seconds", paramLabel = "S", defaultValue = "1",
            description = "How long to wait before looking again when there is no work (default: ${DEFAULT-VALUE}).")
    private double pollSeconds;

    @Option(names = "--outage-seconds", paramLabel = "S", defaultValue = "60",
            description = "How long the database may stay unreachable (a restart, a network cut) before the worker "
                    + "exits with code 1; meanwhile it retries (default: ${DEFAULT-VALUE}).")
    private double outageSeconds;

    @Option(names = "--exit-when-idle", paramLabel = "S",
            description = "Exit after this many seconds without work (default: wait for ever).")
    private Double idleSeconds;

    @Inject
    WorkerCommand(CliContext context, Provider<PluginRegistry> registry) {
        this.context = context;
        this.registry = registry;
    }

    @Override
    public Integer call() throws SQLException, InterruptedException {
        if (!(leaseSeconds > 0) || !(pollSeconds > 0) || !(outageSeconds > 0)
                || (idleSeconds != null && !(idleSeconds > 0))) {
            throw new io.layernas.api.ConfigurationException("--lease-seconds, --poll-seconds, --outage-seconds and "
                    + "--exit-when-idle must be positive, e.g. --lease-seconds 60.");
        }
        PostgresDatabase database = PostgresDatabase.parse(store, "--store", context.environment());
        String name = PoolWorker.hostName() + ":" + ProcessHandle.current().pid();
        PoolWorker.Settings settings = new PoolWorker.Settings(seconds(leaseSeconds), seconds(pollSeconds), runs,
                idleSeconds == null ? null : seconds(idleSeconds), seconds(outageSeconds));
        CountDownLatch finished = new CountDownLatch(1);
        try (WorkerQueue queue = new WorkerQueue(database, name);
             RunEvaluations evaluations = new RunEvaluations(registry.get())) {
            PoolWorker worker = new PoolWorker(queue, evaluations, settings, context.err());
            Thread hook = new Thread(() -> stop(worker, finished), "layernas-worker-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            context.err().println("worker " + name + ": serving " + (runs.isEmpty() ? "every run" : "runs " + runs)
                    + " of " + database.url());
            int done = worker.run();
            context.err().println("worker " + name + ": committed " + done + " results");
            removeHook(hook);
            return 0;
        } finally {
            finished.countDown();
        }
    }

    private static void stop(PoolWorker worker, CountDownLatch finished) {
        worker.stop();
        try {
            finished.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it stopped this worker.
        }
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
