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

    @Test
    void aDatabaseThatGoesAwayMidRunStopsTheControllerKeepingEveryTrialAndTheWorkersWaitForIt() throws Exception {
        String url = outageUrl();
        PostgresDatabase database = TestPostgres.database(url);
        try (Pool pool = new Pool(directory, url)) {
            Path reference = pool.experiment("outage-local", 13, 0, null, null);
            TestCli.Outcome local = TestCli.run("run", reference.toString(), "-o", directory.resolve("local").toString(),
                    "-q");
            assertThat(local.exitCode()).as(local.err()).isZero();
            List<String> expected = Pool.trials(directory.resolve("local"));
            Path file = pool.experiment("outage", 13, 40, "{name: workers, pollSeconds: 0.1, outageSeconds: 1}", url);
            String run = Pool.runId(file);
            List<Process> workers = List.of(pool.worker("w1", Map.of(), "--run", run, "--outage-seconds", "60"),
                    pool.worker("w2", Map.of(), "--run", run, "--outage-seconds", "60"));
            Path output = directory.resolve("outage-run");
            CompletableFuture<TestCli.Outcome> controller = CompletableFuture.supplyAsync(
                    () -> TestCli.run("run", file.toString(), "-o", output.toString(), "-q"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (Pool.storedTrials(database, run).size() < 8 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            takeAway(database, true);
            TestCli.Outcome stopped;
            try {
                stopped = controller.get(60, TimeUnit.SECONDS);
                Thread.sleep(2000); // the workers' next claims and heartbeats fail too
            } finally {
                takeAway(database, false);
            }
            assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(1);
            assertThat(stopped.err()).contains("The run stops").contains("--resume");
            List<String> kept = Pool.storedTrials(database, run);
            assertThat(kept.size()).isBetween(8, 23);
            assertThat(kept).isEqualTo(expected.subList(0, kept.size()));

            // The same two workers, never restarted, finish the resumed run.
            TestCli.Outcome resumed = TestCli.run("run", "--resume", output.toString(), "-q");
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(Pool.trials(output)).isEqualTo(expected);
            assertThat(workers).as("workers alive after the outage").allMatch(Process::isAlive);
            for (String worker : List.of("w1", "w2")) {
                assertThat(pool.output(worker)).as(worker).contains("worker: cannot reach the database")
                        .contains("retrying for up to 60 s").contains("worker: the database is back after");
            }
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
            takeAway(database, true);
            boolean exited;
            try {
                exited = worker.waitFor(60, TimeUnit.SECONDS);
            } finally {
                takeAway(database, false);
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

    /** Takes the database away (no connections allowed, every session ended) or brings it back. */
    private static void takeAway(PostgresDatabase database, boolean away) {
        TestPostgres.execute("ALTER DATABASE " + database.database() + " WITH ALLOW_CONNECTIONS " + !away);
        if (away) {
            TestPostgres.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + database.database() + "'");
        }
    }
}
