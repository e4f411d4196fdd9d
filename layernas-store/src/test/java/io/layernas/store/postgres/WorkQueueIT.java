package io.layernas.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.Metrics;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The work queue against the real server: claims, leases, late results, hand-backs, runs kept apart. */
class WorkQueueIT {
    private static final Duration LONG = Duration.ofMinutes(5);

    private static String newRun(PostgresDatabase database, String prefix) {
        String run = TestPostgres.runId(prefix);
        PostgresTrialStore.open(database, run, "fp", "run: {seed: 1}\n", false).close();
        return run;
    }

    private static List<RunQueue.Entry> entries(int count) {
        return IntStream.range(0, count).mapToObj(i -> entry(i, Architecture.of(i, i % 3))).toList();
    }

    private static RunQueue.Entry entry(int index, Architecture architecture) {
        return new RunQueue.Entry(key(index, architecture), index, 1, 1000L + index, architecture);
    }

    private static String key(int index, Architecture architecture) {
        return "t" + index + "-a1-" + architecture;
    }

    private static List<String> keys(int count) {
        return entries(count).stream().map(RunQueue.Entry::key).toList();
    }

    private static TaskResult result(double objective) {
        return new TaskResult(new Metrics(objective, 5, Map.of("test_accuracy", objective / 2)), null, 0.1);
    }

    @Test
    void concurrentWorkersClaimEveryTaskExactlyOnce() throws Exception {
        PostgresDatabase database = TestPostgres.database();
        String run = newRun(database, "claims");
        try (RunQueue queue = new RunQueue(database, run)) {
            queue.submit(entries(40));
            ExecutorService threads = Executors.newFixedThreadPool(6);
            List<Future<List<Integer>>> claimed = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                String name = "w" + w;
                claimed.add(threads.submit(() -> drain(database, name, run)));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> future : claimed) {
                all.addAll(future.get());
            }
            threads.shutdown();
            Collections.sort(all);
            assertThat(all).isEqualTo(IntStream.range(0, 40).boxed().toList());
            Map<String, TaskResult> done = queue.finished(keys(40));
            assertThat(done).hasSize(40);
            TaskResult seventh = done.get(entries(40).get(7).key());
            assertThat(seventh.metrics().objective()).isEqualTo(7.0);
            assertThat(seventh.metrics().values()).containsEntry("test_accuracy", 3.5);
        }
    }

    private static List<Integer> drain(PostgresDatabase database, String name, String run) throws Exception {
        List<Integer> mine = new ArrayList<>();
        try (WorkerQueue worker = new WorkerQueue(database, name)) {
            for (Optional<ClaimedTask> task = worker.claim(List.of(run), LONG); task.isPresent();
                 task = worker.claim(List.of(run), LONG)) {
                mine.add(task.get().index());
                assertThat(task.get().seed()).isEqualTo(1000L + task.get().index());
                assertThat(worker.complete(task.get(), result(task.get().index()))).isTrue();
            }
        }
        return mine;
    }

    /** One run with one task submitted, and two workers, {@code a} and {@code b}; closes the three. */
    private record OneTask(String run, RunQueue queue, WorkerQueue a, WorkerQueue b) implements AutoCloseable {
        static OneTask open(String prefix) {
            PostgresDatabase database = TestPostgres.database();
            String run = newRun(database, prefix);
            OneTask task = new OneTask(run, new RunQueue(database, run), new WorkerQueue(database, prefix + "-a"),
                    new WorkerQueue(database, prefix + "-b"));
            task.queue.submit(entries(1));
            return task;
        }

        /** What {@code worker} claims of this run, leased for {@code lease}. */
        Optional<ClaimedTask> claim(WorkerQueue worker, Duration lease) throws SQLException {
            return worker.claim(List.of(run), lease);
        }

        @Override
        public void close() {
            try {
                b.close();
                a.close();
            } finally {
                queue.close();
            }
        }
    }

    @Test
    void aResultUnderALostLeaseIsDroppedAndTheNewClaimCounts() throws Exception {
        try (OneTask task = OneTask.open("lease")) {
            WorkerQueue slow = task.a();
            WorkerQueue other = task.b();
            ClaimedTask first = task.claim(slow, Duration.ofSeconds(2)).orElseThrow();
            assertThat(task.claim(other, LONG)).as("leased, so not claimable").isEmpty();
            Thread.sleep(2500);
            ClaimedTask second = task.claim(other, LONG).orElseThrow();
            assertThat(second.key()).isEqualTo(first.key());
            assertThat(second.claim()).isGreaterThan(first.claim());
            assertThat(slow.renew(first, LONG)).as("the heartbeat learns the lease is gone").isFalse();
            assertThat(slow.complete(first, result(0.1))).isFalse();
            assertThat(task.queue().finished(keys(1))).isEmpty();
            assertThat(other.complete(second, result(0.9))).isTrue();
            assertThat(slow.complete(first, result(0.1))).as("still dropped after the other finished").isFalse();
            assertThat(task.queue().finished(keys(1)).values()).singleElement()
                    .satisfies(r -> assertThat(r.metrics().objective()).isEqualTo(0.9));
        }
    }

    @Test
    void aHeartbeatKeepsTheLeaseAndAHandBackFreesTheTaskAtOnce() throws Exception {
        try (OneTask task = OneTask.open("renew")) {
            // leases far longer than the pauses between heartbeats, so that a loaded machine cannot lose one
            ClaimedTask claimed = task.claim(task.a(), Duration.ofMillis(1500)).orElseThrow();
            for (int i = 0; i < 5; i++) {
                Thread.sleep(400);
                assertThat(task.a().renew(claimed, Duration.ofMillis(1500))).isTrue();
            }
            assertThat(task.claim(task.b(), LONG)).as("renewed past its first lease").isEmpty();
            assertThat(task.a().release(claimed)).isTrue();
            assertThat(task.claim(task.b(), LONG)).isPresent();
        }
    }

    @Test
    void workersServeOnlyTheRunsTheyAreGivenAndResubmittingKeepsFinishedWork() throws Exception {
        PostgresDatabase database = TestPostgres.database();
        String mine = newRun(database, "mine");
        String theirs = newRun(database, "theirs");
        try (RunQueue q1 = new RunQueue(database, mine); RunQueue q2 = new RunQueue(database, theirs);
             WorkerQueue worker = new WorkerQueue(database, "w")) {
            q2.submit(entries(2));
            q1.submit(entries(2));
            ClaimedTask task = worker.claim(List.of(mine), LONG).orElseThrow();
            assertThat(task.runId()).isEqualTo(mine);
            worker.complete(task, result(0.4));
            q1.submit(entries(2));
            assertThat(q1.finished(keys(2))).as("a resumed controller finds the finished task")
                    .containsOnlyKeys(task.key());
            q1.withdraw(keys(2));
            assertThat(worker.claim(List.of(mine), LONG)).isEmpty();
            assertThat(worker.claim(List.of(theirs), LONG).orElseThrow().runId()).isEqualTo(theirs);
        }
    }

    @Test
    void aWorkersLogTailReachesTheControllerWithItsMetrics() throws Exception {
        try (OneTask task = OneTask.open("log")) {
            ClaimedTask claimed = task.claim(task.a(), LONG).orElseThrow();
            Metrics logged = new Metrics(0.7, 5, Map.of(), "epoch 1 loss 0.9\nepoch 2 loss 0.5 <b>'; DROP TABLE x; --");
            assertThat(task.a().complete(claimed, new TaskResult(logged, null, 0.1))).isTrue();
            assertThat(task.queue().finished(keys(1)).values()).singleElement()
                    .satisfies(r -> assertThat(r.metrics().log()).isEqualTo(logged.log()));
        }
    }

    @Test
    void aDatabaseMadeBeforeWorkersSentLogsWorksWithoutThem() throws Exception {
        PostgresDatabase empty = TestPostgres.emptyDatabaseWithTablesBut("layernas_task_log");
        try {
            String run = newRun(empty, "old");
            try (RunQueue queue = new RunQueue(empty, run); WorkerQueue worker = new WorkerQueue(empty, "w")) {
                queue.submit(entries(1));
                ClaimedTask claimed = worker.claim(List.of(run), LONG).orElseThrow();
                assertThat(worker.complete(claimed, new TaskResult(new Metrics(0.7, 5, Map.of(), "a log"), null, 0.1)))
                        .isTrue();
                assertThat(queue.finished(keys(1)).values()).singleElement()
                        .satisfies(r -> assertThat(r.metrics().objective()).isEqualTo(0.7))
                        .satisfies(r -> assertThat(r.metrics().log()).isNull());
            }
        } finally {
            TestPostgres.dropTables(empty);
        }
    }

    @Test
    void aWorkerQueueWhoseSessionWasEndedConnectsAgainOnTheNextCall() throws Exception {
        try (OneTask task = OneTask.open("reconnect")) {
            ClaimedTask claimed = task.claim(task.a(), LONG).orElseThrow();
            TestPostgres.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name ="
                    + " 'layernas' AND pid <> pg_backend_pid()"); // as a server restart would
            try {
                task.a().renew(claimed, LONG);
            } catch (SQLException ended) {
                // the call on the ended session fails; the next one connects again
            }
            assertThat(task.a().renew(claimed, LONG)).as("connected again, the lease still held").isTrue();
            assertThat(task.a().complete(claimed, result(0.3))).isTrue();
        }
    }
}
