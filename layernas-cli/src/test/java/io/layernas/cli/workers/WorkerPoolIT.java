package io.layernas.cli.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.cli.TestCli;
import io.layernas.store.postgres.PostgresDatabase;
import io.layernas.store.postgres.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker pool against the real PostgreSQL server, with real worker and controller processes:
 * a worker killed while it holds a claim, a controller killed and resumed, two runs on one pool,
 * and Ctrl-C on a worker. Every run must end with exactly the trials of a {@code local} run.
 */
class WorkerPoolIT {
    private static final String WORKERS = "{name: workers, pollSeconds: 0.1, outageSeconds: 5}";

    @TempDir
    Path directory;

    private List<String> localTrials(Pool pool, String name, long seed) {
        Path file = pool.experiment(name + "-local", seed, 0, null, null);
        Path output = directory.resolve(name + "-local-run");
        TestCli.Outcome outcome = TestCli.run("run", file.toString(), "-o", output.toString(), "-q");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        return Pool.trials(output);
    }

    private static TestCli.Outcome runInProcess(Path file, Path output) {
        return TestCli.run("run", file.toString(), "-o", output.toString(), "-q");
    }

    @Test
    void aWorkerKilledWhileHoldingAClaimLosesItToAnotherAndTheTrialsEqualALocalRun() throws Exception {
        String url = TestPostgres.url();
        PostgresDatabase database = TestPostgres.database(url);
        try (Pool pool = new Pool(directory, url)) {
            List<String> expected = localTrials(pool, "kill-worker", 7);
            Files.deleteIfExists(pool.log());
            Path file = pool.experiment("kill-worker", 7, 150, WORKERS, url);
            String run = Pool.runId(file);
            Process victim = pool.worker("victim", Map.of(), "--run", run);
            pool.worker("w2", Map.of(), "--run", run);
            pool.worker("w3", Map.of(), "--run", run);
            pool.worker("w4", passwordFileInstead(database), "--run", run);
            Path output = directory.resolve("kill-worker-run");
            CompletableFuture<TestCli.Outcome> controller = CompletableFuture.supplyAsync(() -> runInProcess(file, output));
            String held = killWhileHoldingAClaim(database, run, victim, pool);

            TestCli.Outcome outcome = controller.get(120, TimeUnit.SECONDS);
            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            assertThat(Pool.trials(output)).isEqualTo(expected);
            assertThat(Pool.storedTrials(database, run)).isEqualTo(expected);
            assertThat(Pool.query(database, "SELECT state || ' ' || claim FROM layernas_task WHERE run_id = ?"
                    + " AND job_key = ?", run, held)).containsExactly("done 2");
            String architecture = held.substring(held.indexOf("-a1-") + 4);
            List<String> evaluations = Files.readAllLines(pool.log()).stream()
                    .filter(line -> line.endsWith(" " + architecture)).toList();
            // The victim may die before its evaluator starts (it builds the run's evaluator first).
            assertThat(evaluations).as("evaluated once by a worker still alive")
                    .filteredOn(line -> !line.startsWith(victim.pid() + " ")).hasSize(1);
            assertThat(evaluations.get(evaluations.size() - 1)).doesNotStartWith(victim.pid() + " ");
            assertThat(pool.output("w4")).as("the worker that read its password from PGPASSFILE worked")
                    .contains("worker: run " + run);
            assertThat(Pool.query(database, "SELECT t.architecture || ' ' || coalesce(l.log, 'no log')"
                    + " FROM layernas_trial t LEFT JOIN layernas_trial_log l USING (run_id, idx) WHERE t.run_id = ?"
                    + " ORDER BY t.idx", run)).as("every trial keeps the log tail its worker sent")
                    .hasSize(expected.size())
                    .allSatisfy(row -> assertThat(row).matches("(\\S+) test-slow: pid \\d+ evaluated \\1"));
        }
    }

    /** Kills {@code victim} (SIGKILL) at a moment it holds a claim of {@code run}; returns that task's key. */
    private static String killWhileHoldingAClaim(PostgresDatabase database, String run, Process victim, Pool pool)
            throws InterruptedException {
        String sql = "SELECT job_key FROM layernas_task WHERE run_id = ? AND state = 'running' AND worker LIKE ?";
        String mine = "%:" + victim.pid();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!Pool.query(database, sql, run, mine).isEmpty()) {
                victim.destroyForcibly().waitFor();
                List<String> held = Pool.query(database, sql, run, mine);
                if (!held.isEmpty()) {
                    return held.get(0);
                }
                throw new AssertionError("the victim finished its task just before it died; rerun");
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the victim never claimed a task: " + pool.output("victim"));
    }

    private Map<String, String> passwordFileInstead(PostgresDatabase database) throws Exception {
        Path file = directory.resolve("pgpass");
        Files.writeString(file, database.host() + ":" + database.port() + ":" + database.database() + ":"
                + database.user() + ":" + System.getenv("PGPASSWORD") + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("PGPASSFILE", file.toString());
        environment.put("PGPASSWORD", null);
        return environment;
    }

    @Test
    void aControllerKilledAndResumedEndsWithTheTrialsOfAnUninterruptedRun() throws Exception {
        String url = TestPostgres.url();
        PostgresDatabase database = TestPostgres.database(url);
        try (Pool pool = new Pool(directory, url)) {
            List<String> expected = localTrials(pool, "kill-controller", 11);
            Files.deleteIfExists(pool.log());
            Path file = pool.experiment("kill-controller", 11, 60, WORKERS, url);
            String run = Pool.runId(file);
            // Long leases: a heartbeat late on a loaded machine must not make a candidate run twice here.
            pool.worker("w1", Map.of(), 30, "--run", run);
            pool.worker("w2", Map.of(), 30, "--run", run);
            Path output = directory.resolve("kill-controller-run");
            Process controller = pool.start("controller", Map.of(), List.of("run", file.toString(), "-o",
                    output.toString(), "-q"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (Pool.storedTrials(database, run).size() < 8 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            controller.destroyForcibly().waitFor();
            int stored = Pool.storedTrials(database, run).size();
            assertThat(stored).as(pool.output("controller")).isBetween(8, 23);

            TestCli.Outcome resumed = TestCli.run("run", "--resume", output.toString(), "-q");
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(Pool.trials(output)).isEqualTo(expected);
            List<String> evaluated = Files.readAllLines(pool.log()).stream()
                    .map(line -> line.substring(line.indexOf(' ') + 1)).toList();
            assertThat(new HashSet<>(evaluated)).as("no candidate evaluated twice: the resumed run found the"
                    + " workers' finished and running tasks").hasSameSizeAs(evaluated);
        }
    }

    @Test
    void twoRunsServedByTheSameWorkersAtOnceStaySeparate() throws Exception {
        String url = TestPostgres.url();
        try (Pool pool = new Pool(directory, url)) {
            List<String> first = localTrials(pool, "first", 3);
            List<String> second = localTrials(pool, "second", 4);
            assertThat(first).isNotEqualTo(second);
            Path a = pool.experiment("first", 3, 20, WORKERS, url);
            Path b = pool.experiment("second", 4, 20, WORKERS, url);
            for (String worker : List.of("w1", "w2")) {
                pool.worker(worker, Map.of(), "--run", Pool.runId(a), "--run", Pool.runId(b));
            }
            CompletableFuture<TestCli.Outcome> runA = CompletableFuture.supplyAsync(
                    () -> runInProcess(a, directory.resolve("first-run")));
            CompletableFuture<TestCli.Outcome> runB = CompletableFuture.supplyAsync(
                    () -> runInProcess(b, directory.resolve("second-run")));
            assertThat(runA.get(120, TimeUnit.SECONDS).exitCode()).isZero();
            assertThat(runB.get(120, TimeUnit.SECONDS).exitCode()).isZero();
            assertThat(Pool.trials(directory.resolve("first-run"))).isEqualTo(first);
            assertThat(Pool.trials(directory.resolve("second-run"))).isEqualTo(second);
            Set<String> served = new HashSet<>();
            for (String worker : List.of("w1", "w2")) {
                String output = pool.output(worker);
                if (output.contains("worker: run " + Pool.runId(a)) && output.contains("worker: run " + Pool.runId(b))) {
                    served.add(worker);
                }
            }
            assertThat(served).as("some worker served both runs").isNotEmpty();
        }
    }

    @Test
    void ctrlCOnAWorkerHandsItsClaimBackAtOnce() throws Exception {
        String url = TestPostgres.url();
        PostgresDatabase database = TestPostgres.database(url);
        try (Pool pool = new Pool(directory, url)) {
            Path file = pool.experiment("ctrl-c", 5, 30_000, "{name: workers, pollSeconds: 0.1}", url);
            String run = Pool.runId(file);
            Process worker = pool.worker("early", Map.of(), 60, "--run", run);
            long up = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!pool.output("early").contains("serving") && System.nanoTime() < up) {
                Thread.sleep(20);
            }
            Thread.sleep(500);
            assertThat(worker.isAlive()).as("a worker started before its run waits: " + pool.output("early")).isTrue();
            Process controller = pool.start("controller", Map.of(), List.of("run", file.toString(), "-o",
                    directory.resolve("ctrl-c-run").toString(), "-q"));
            String running = "SELECT job_key FROM layernas_task WHERE run_id = ? AND state = 'running'";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (Pool.query(database, running, run).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<String> claimed = Pool.query(database, running, run);
            assertThat(claimed).as("the worker claims a task; controller: " + pool.output("controller") + "; worker: "
                    + pool.output("early")).isNotEmpty();
            String key = claimed.get(0);
            Pool.interrupt(worker);
            assertThat(worker.waitFor(15, TimeUnit.SECONDS)).as("stops long before its 30 s evaluation ends").isTrue();
            assertThat(Pool.query(database, "SELECT state || ' ' || coalesce(worker, '-') FROM layernas_task"
                    + " WHERE run_id = ? AND job_key = ?", run, key)).as("back in the queue, not waiting for its"
                    + " 60 s lease").containsExactly("queued -");
            assertThat(pool.output("early")).contains("handed back to the queue");
            controller.destroyForcibly().waitFor();
            Pool.query(database, "DELETE FROM layernas_task WHERE run_id = ? RETURNING job_key", run);
        }
    }
}
