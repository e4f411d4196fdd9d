package io.layernas.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.ConfigurationException;
import io.layernas.api.Metrics;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PostgreSQL trial store against the real server: what it keeps, which runs it separates, what it refuses. */
class PostgresTrialStoreIT {
    private static final String CONFIG = "space: {name: nats-sss}\nrun: {seed: 7}\n";

    private static Trial succeeded(int index, double objective) {
        return new Trial(index, Architecture.of(index, 1, 2), 0, 3, 12.5 + index, TrialStatus.SUCCEEDED,
                new Metrics(objective, 40, Map.of("test_accuracy", objective - 0.01, "it's \"quoted\"", 1.0),
                        "epoch " + index + "\nit's done'); DROP TABLE layernas_trial_log;--"), null, 0.25, 1);
    }

    private static Trial failed(int index) {
        return new Trial(index, Architecture.of(index, 0, 0), -1, -1, 3, TrialStatus.FAILED, null,
                "Robert'); DROP TABLE layernas_trial;--", 1.5, 2);
    }

    @Test
    void keepsEveryFieldOfEveryTrialAcrossConnections() {
        PostgresDatabase database = TestPostgres.database();
        String run = TestPostgres.runId("fields");
        List<Trial> written = List.of(succeeded(0, 0.91), failed(1), succeeded(2, 0.93));
        try (PostgresTrialStore store = PostgresTrialStore.open(database, run, "fp", CONFIG, false)) {
            written.forEach(store::append);
        }
        try (PostgresTrialStore store = PostgresTrialStore.open(database, run, "fp", CONFIG, true)) {
            assertThat(store.load()).isEqualTo(written);
        }
    }

    @Test
    void aDatabaseFromBeforeLogTailsWorksWithoutThemUntilInitAddsTheirTable() throws Exception {
        PostgresDatabase empty = TestPostgres.emptyDatabaseWithTablesBut("layernas_trial_log");
        try {
            Trial first = succeeded(0, 0.9);
            try (PostgresTrialStore store = PostgresTrialStore.open(empty, "old", "fp", CONFIG, false)) {
                store.append(first);
                assertThat(store.load()).containsExactly(withoutLog(first));
            }
            assertThat(PostgresSchema.create(empty)).contains("already there");
            Trial second = succeeded(1, 0.8);
            try (PostgresTrialStore store = PostgresTrialStore.open(empty, "old", "fp", CONFIG, true)) {
                store.append(second);
                assertThat(store.load()).containsExactly(withoutLog(first), second);
                assertThat(second.metrics().log()).isNotNull();
            }
        } finally {
            TestPostgres.dropTables(empty);
        }
    }

    private static Trial withoutLog(Trial trial) {
        return new Trial(trial.index(), trial.architecture(), trial.layer(), trial.bucket(), trial.cost(),
                trial.status(), trial.metrics().withLog(null), trial.failure(), trial.wallSeconds(), trial.attempts());
    }

    @Test
    void runsInOneDatabaseStaySeparate() {
        PostgresDatabase database = TestPostgres.database();
        String first = TestPostgres.runId("first");
        String second = TestPostgres.runId("second");
        try (PostgresTrialStore a = PostgresTrialStore.open(database, first, "fp-a", CONFIG, false);
             PostgresTrialStore b = PostgresTrialStore.open(database, second, "fp-b", CONFIG, false)) {
            a.append(succeeded(0, 0.5));
            b.append(succeeded(0, 0.7));
            b.append(succeeded(1, 0.8));
            assertThat(a.load()).extracting(Trial::objective).containsExactly(0.5);
            assertThat(b.load()).extracting(Trial::objective).containsExactly(0.7, 0.8);
        }
    }

    @Test
    void aNewRunMayNotTakeAnExistingRunId() {
        PostgresDatabase database = TestPostgres.database();
        String run = TestPostgres.runId("taken");
        PostgresTrialStore.open(database, run, "fp", CONFIG, false).close();
        assertThatThrownBy(() -> PostgresTrialStore.open(database, run, "fp", CONFIG, false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("run id '" + run + "' is already a run")
                .hasMessageContaining("Set run.id to a new name")
                .hasMessageContaining("--resume");
    }

    @Test
    void resumingWithAnotherConfigurationIsRefused() {
        PostgresDatabase database = TestPostgres.database();
        String run = TestPostgres.runId("fingerprint");
        try (PostgresTrialStore store = PostgresTrialStore.open(database, run, "aaaa", CONFIG, false)) {
            store.append(succeeded(0, 0.5));
        }
        assertThatThrownBy(() -> PostgresTrialStore.open(database, run, "bbbb", CONFIG, true))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("belongs to another configuration")
                .hasMessageContaining("same configuration and seed");
    }

    @Test
    void aBatchIsStoredWholeOrNotAtAllAndTruncateRemovesTheTail() {
        PostgresDatabase database = TestPostgres.database();
        try (PostgresTrialStore store = PostgresTrialStore.open(database, TestPostgres.runId("batch"), "fp", CONFIG,
                false)) {
            store.appendAll(List.of(succeeded(0, 0.5), failed(1)));
            assertThatThrownBy(() -> store.appendAll(List.of(succeeded(2, 0.6), succeeded(1, 0.7))))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(store.load()).extracting(Trial::index).containsExactly(0, 1);
            store.truncate(1);
            assertThat(store.load()).extracting(Trial::index).containsExactly(0);
            store.append(succeeded(1, 0.8));
            assertThat(store.load()).extracting(Trial::objective).containsExactly(0.5, 0.8);
        }
    }

    @Test
    void aTrialIndexCannotBeStoredTwice() {
        PostgresDatabase database = TestPostgres.database();
        try (PostgresTrialStore store = PostgresTrialStore.open(database, TestPostgres.runId("twice"), "fp", CONFIG,
                false)) {
            store.append(succeeded(0, 0.5));
            assertThatThrownBy(() -> store.append(succeeded(0, 0.6))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot store trial #0");
            assertThat(store.load()).extracting(Trial::objective).containsExactly(0.5);
        }
    }

    @Test
    void aStoreWhoseSessionWasEndedConnectsAgainAndStoresTheNextTrial() {
        PostgresDatabase database = TestPostgres.database();
        String run = TestPostgres.runId("ended");
        try (PostgresTrialStore store = PostgresTrialStore.open(database, run, "fp", CONFIG, false)) {
            store.append(succeeded(0, 0.5));
            TestPostgres.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name ="
                    + " 'layernas' AND pid <> pg_backend_pid()");
            store.append(succeeded(1, 0.6));
            store.journal().record("t1-a1", "job-1");
            assertThat(store.load()).containsExactly(succeeded(0, 0.5), succeeded(1, 0.6));
            assertThat(store.journal().find("t1-a1")).contains("job-1");
        }
    }

    @Test
    void aStoreWaitsOutAnOutageShorterThanItsLimitAndLosesNothing() throws Exception {
        PostgresDatabase empty = TestPostgres.emptyDatabase();
        PostgresSchema.create(empty);
        try (PostgresTrialStore store = PostgresTrialStore.open(empty, "outage", "fp", CONFIG, false,
                java.time.Duration.ofSeconds(60))) {
            store.append(succeeded(0, 0.5));
            TestPostgres.takeAway(empty, true);
            Thread back = new Thread(() -> {
                try {
                    Thread.sleep(2500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                TestPostgres.takeAway(empty, false);
            });
            back.start();
            try {
                store.appendAll(List.of(succeeded(1, 0.6), failed(2))); // waits for the database
            } finally {
                back.join();
            }
            assertThat(store.load()).containsExactly(succeeded(0, 0.5), succeeded(1, 0.6), failed(2));
        } finally {
            TestPostgres.takeAway(empty, false);
            TestPostgres.dropTables(empty);
        }
    }

    @Test
    void aStoreGivesUpWhenTheOutageOutlastsItsLimitKeepingWhatWasStored() {
        PostgresDatabase empty = TestPostgres.emptyDatabase();
        PostgresSchema.create(empty);
        try (PostgresTrialStore store = PostgresTrialStore.open(empty, "gone", "fp", CONFIG, false,
                java.time.Duration.ofSeconds(2))) {
            store.append(succeeded(0, 0.5));
            TestPostgres.takeAway(empty, true);
            try {
                assertThatThrownBy(() -> store.append(succeeded(1, 0.6)))
                        .hasMessageContaining("cannot store trial #1 of run 'gone'")
                        .hasMessageContaining("(unreachable for 2 s)")
                        .hasMessageContaining("every trial stored before is kept")
                        .hasMessageContaining("layernas run --resume DIR");
            } finally {
                TestPostgres.takeAway(empty, false);
            }
            assertThat(store.load()).containsExactly(succeeded(0, 0.5));
        } finally {
            TestPostgres.dropTables(empty);
        }
    }
}
