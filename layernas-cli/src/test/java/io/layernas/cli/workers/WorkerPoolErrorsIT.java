package io.layernas.cli.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.cli.TestCli;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.store.postgres.PostgresDatabase;
import io.layernas.store.postgres.PostgresSchema;
import io.layernas.store.postgres.TestPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees when the worker pool's database cannot be used, through the command line
 * against the real server: the key, what is wrong and the fix; and a database that goes away in
 * the middle of a run stops it with every committed trial kept.
 */
class WorkerPoolErrorsIT {
    @TempDir
    Path directory;

    private static Map<String, String> environment(String... keysAndValues) {
        return TestPostgres.environment(keysAndValues);
    }

    private static TestCli.Outcome cli(Map<String, String> environment, String... args) {
        return TestCli.run(PluginRegistry.fromClassPath(), environment, args);
    }

    @Test
    void theWorkersExecutorNeedsAPostgresStore() {
        Path file = new Pool(directory, "unused").experiment("no-store", 1, 0, "{name: workers}", null);
        TestCli.Outcome outcome = TestCli.run("run", file.toString(), "-o", directory.resolve("out").toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("executor 'workers' needs run.store: postgresql://host[:port]/database");
    }

    @Test
    void anUnreachableStoreNamesRunStore() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "postgresql://127.0.0.1:" + port + "/nas";
        Path file = new Pool(directory, url).experiment("unreachable", 1, 0, "{name: workers}", url);
        TestCli.Outcome outcome = TestCli.run("run", file.toString(), "-o", directory.resolve("out").toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("cannot reach the PostgreSQL server of run.store (" + url + ")")
                .contains("Start the server, or fix the host and port in run.store");
        TestCli.Outcome worker = cli(environment(), "worker", "--store", url);
        assertThat(worker.exitCode()).isEqualTo(2);
        assertThat(worker.err()).contains("cannot reach the PostgreSQL server of --store (" + url + ")");
    }

    @Test
    void wrongCredentialsMissingTablesAndCredentialsInTheUrlSayWhatToFix() {
        String url = TestPostgres.url();
        TestCli.Outcome wrong = cli(environment("PGPASSWORD", "wrong-password-77"), "worker", "--store", url);
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("PostgreSQL refused the credentials").contains("--store")
                .contains("Set PGUSER and PGPASSWORD, or PGPASSFILE").doesNotContain("wrong-password-77");

        PostgresDatabase empty = TestPostgres.emptyDatabase();
        TestCli.Outcome noTables = cli(environment(), "worker", "--store", empty.url());
        assertThat(noTables.exitCode()).isEqualTo(2);
        assertThat(noTables.err()).contains("has no LayerNAS tables")
                .contains("Create them once with: layernas store init " + empty.url());
        TestCli.Outcome init = cli(environment(), "store", "init", empty.url());
        assertThat(init.out()).contains("created the LayerNAS tables");
        TestPostgres.dropTables(empty);

        Path file = new Pool(directory, url).experiment("secret", 1, 0, "{name: workers}",
                "postgresql://bob:hunter2@127.0.0.1/nas");
        TestCli.Outcome secret = TestCli.run("run", file.toString(), "-o", directory.resolve("out").toString());
        assertThat(secret.exitCode()).isEqualTo(2);
        assertThat(secret.err()).contains("run.store must not hold a user or password").doesNotContain("hunter2");
    }

    /** The trials of the outage experiment run locally: what every pool run of it must end with. */
    private List<String> localOutageTrials(Pool pool) {
        Path reference = pool.experiment("outage-local", 13, 0, null, null);
        TestCli.Outcome local = TestCli.run("run", reference.toString(), "-o", directory.resolve("local").toString(),
                "-q");
        assertThat(local.exitCode()).as(local.err()).isZero();
        return Pool.trials(directory.resolve("local"));
    }

    /** Waits until {@code run} stored {@code count} trials, then takes the database away for {@code millis}. */
    private static void outage(PostgresDatabase database, String run, int count, long millis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (Pool.storedTrials(database, run).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        TestPostgres.takeAway(database, true);
        try {
            Thread.sleep(millis);
        } finally {
            TestPostgres.takeAway(database, false);
        }
    }

    /** A run of the outage experiment with two workers that wait out 60 s, its controller started. */
    private record PoolRun(String run, Path output, List<Process> workers, CompletableFuture<TestCli.Outcome> controller) {
        static PoolRun start(Pool pool, Path directory, String name, int outageSeconds, String url) {
            Path file = pool.experiment(name, 13, 40, "{name: workers, pollSeconds: 0.1, outageSeconds: "
                    + outageSeconds + "}", url);
            String run = Pool.runId(file);
            List<Process> workers = List.of(pool.worker("w1", Map.of(), "--run", run, "--outage-seconds", "60"),
                    pool.worker("w2", Map.of(), "--run", run, "--outage-seconds", "60"));
            Path output = directory.resolve(name + "-run");
            return new PoolRun(run, output, workers, CompletableFuture.supplyAsync(
                    () -> TestCli.run("run", file.toString(), "-o", output.toString(), "-q")));
        }
    }

    private static void assertWaitedOut(Pool pool, List<Process> workers) {
        assertThat(workers).as("workers alive after the outage").allMatch(Process::isAlive);
        for (String worker : List.of("w1", "w2")) {
            assertThat(pool.output(worker)).as(worker).contains("worker: cannot reach the database")
                    .contains("retrying for up to 60 s").contains("worker: the database is back after");
        }
    }

    @Test
    void anOutageShorterThanOutageSecondsIsWaitedOutByTheControllerAndTheWorkers() throws Exception {
        String url = outageUrl();
        PostgresDatabase database = TestPostgres.database(url);
        try (Pool pool = new Pool(directory, url)) {
            List<String> expected = localOutageTrials(pool);
            PoolRun run = PoolRun.start(pool, directory, "short-outage", 60, url);
            outage(database, run.run(), 6, 4000);
            TestCli.Outcome outcome = run.controller().get(120, TimeUnit.SECONDS);
            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            assertThat(Pool.trials(run.output())).isEqualTo(expected);
            assertThat(Pool.storedTrials(database, run.run())).isEqualTo(expected);
            assertWaitedOut(pool, run.workers());
        }
    }

    @Test
    void anOutageLongerThanOutageSecondsStopsTheControllerKeepingEveryTrialAndTheWorkersWaitForIt() throws Exception {
        String url = outageUrl();
        PostgresDatabase database = TestPostgres.database(url);
        try (Pool pool = new Pool(directory, url)) {
            List<String> expected = localOutageTrials(pool);
            PoolRun run = PoolRun.start(pool, directory, "outage", 1, url);
            outage(database, run.run(), 8, 5000);
            TestCli.Outcome stopped = run.controller().get(60, TimeUnit.SECONDS);
            assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(1);
            assertThat(stopped.err()).contains("The run stops").contains("--resume");
            List<String> kept = Pool.storedTrials(database, run.run());
            assertThat(kept.size()).isBetween(8, 23);
            assertThat(kept).isEqualTo(expected.subList(0, kept.size()));

            // The same two workers, never restarted, finish the resumed run.
            TestCli.Outcome resumed = TestCli.run("run", "--resume", run.output().toString(), "-q");
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(Pool.trials(run.output())).isEqualTo(expected);
            assertWaitedOut(pool, run.workers());
        }
    }

    @Test
    void aWorkerGivesUpWhenTheDatabaseStaysAwayLongerThanItsOutageSeconds() throws Exception {
        String url = outageUrl();
        PostgresDatabase database = TestPostgres.database(url);
        try (Pool pool = new Pool(directory, url)) {
            Process worker = pool.worker("short", Map.of(), "--outage-seconds", "2");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!pool.output("short").contains("serving") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            TestPostgres.takeAway(database, true);
            boolean exited;
            try {
                exited = worker.waitFor(60, TimeUnit.SECONDS);
            } finally {
                TestPostgres.takeAway(database, false);
            }
            assertThat(exited).as(pool.output("short")).isTrue();
            assertThat(worker.exitValue()).isEqualTo(1);
            assertThat(pool.output("short")).contains("the database has been unreachable for 2 s")
                    .contains("--outage-seconds");
        }
    }

    /** The database these tests take away (not the one other tests share), with the LayerNAS tables. */
    private static String outageUrl() {
        TestPostgres.url();
        String url = System.getenv(TestPostgres.URL_VARIABLE + "_OUTAGE");
        PostgresSchema.create(TestPostgres.database(url));
        return url;
    }

}
