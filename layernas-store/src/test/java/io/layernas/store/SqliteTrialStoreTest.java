package io.layernas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.ConfigurationException;
import io.layernas.api.Metrics;
import io.layernas.api.SearchResult;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import io.layernas.core.InMemoryTrialStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTrialStoreTest {
    @TempDir
    Path directory;

    @Test
    void storesTrialsExactlyAndReadsThemBackAfterReopening() {
        Path file = directory.resolve("trials.db");
        Trial ok = new Trial(0, Architecture.of(0, 3, 1), 1, 7, 123.5, TrialStatus.SUCCEEDED,
                new Metrics(0.91, 12.5, Map.of("test_accuracy", 0.9, "params", 3.4e6), "epoch 1\nepoch 2 <b>'"),
                null, 0.25, 1);
        Trial failed = new Trial(1, Architecture.of(1, 0, 0), 0, -1, 99, TrialStatus.FAILED, null,
                "IllegalStateException: out of memory", 1.5, 3);
        try (SqliteTrialStore store = SqliteTrialStore.open(file, "fp")) {
            store.append(ok);
            store.append(failed);
        }
        try (SqliteTrialStore store = SqliteTrialStore.open(file, "fp")) {
            assertThat(store.load()).containsExactly(ok, failed);
        }
    }

    @Test
    void aStoreFromBeforeLogTailsOpensResumesAndReads() throws Exception {
        Path file = directory.resolve("trials.db");
        Trial before = new Trial(0, Architecture.of(0, 1), 0, 0, 10, TrialStatus.SUCCEEDED,
                new Metrics(0.5, 1, Map.of("test_accuracy", 0.4)), null, 1, 1);
        try (SqliteTrialStore store = SqliteTrialStore.open(file, "fp")) {
            store.append(before);
        }
        // The schema of a store written before log tails were kept: no trial_log table.
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE trial_log");
        }
        try (SqliteTrialReader reader = SqliteTrialReader.open(file)) {
            assertThat(reader.trial(0)).contains(before);
        }
        Trial after = new Trial(1, Architecture.of(1, 1), 1, 0, 12, TrialStatus.SUCCEEDED,
                new Metrics(0.6, 1, Map.of(), "loss 0.3"), null, 1, 1);
        try (SqliteTrialStore store = SqliteTrialStore.open(file, "fp")) {
            assertThat(store.load()).containsExactly(before);
            store.append(after);
        }
        try (SqliteTrialStore store = SqliteTrialStore.open(file, "fp");
             SqliteTrialReader reader = SqliteTrialReader.open(file)) {
            assertThat(store.load()).containsExactly(before, after);
            assertThat(reader.trial(1).orElseThrow().metrics().log()).isEqualTo("loss 0.3");
            store.truncate(1);
            assertThat(reader.trial(1)).isEmpty();
            assertThat(store.load()).containsExactly(before);
        }
    }

    @Test
    void journalKeepsTheLatestJobOfEachAttemptAcrossReopening() {
        Path file = directory.resolve("trials.db");
        try (SqliteTrialStore store = SqliteTrialStore.open(file, "fp")) {
            store.journal().record("t0-a1-0-3-1", "101");
            store.journal().record("t1-a1-1-0-0", "102");
            store.journal().record("t0-a1-0-3-1", "103");
        }
        try (SqliteTrialStore store = SqliteTrialStore.open(file, "fp")) {
            assertThat(store.journal().find("t0-a1-0-3-1")).contains("103");
            assertThat(store.journal().find("t2-a1-0-0-0")).isEmpty();
            assertThat(store.journal().all()).containsOnlyKeys("t0-a1-0-3-1", "t1-a1-1-0-0");
        }
    }

    @Test
    void refusesToResumeAnotherRun() {
        Path file = directory.resolve("trials.db");
        SqliteTrialStore.open(file, "seed=1").close();
        assertThatThrownBy(() -> SqliteTrialStore.open(file, "seed=2"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("belongs to another run").hasMessageContaining("same configuration and seed");
    }

    @Test
    void saysWhatIsWrongWithAFileThatIsNoStore() throws Exception {
        Path file = directory.resolve("trials.db");
        Files.writeString(file, "this is not a database, it is a note about the run");
        assertThatThrownBy(() -> SqliteTrialStore.open(file, "fp"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("start afresh");
    }

    @Test
    void manyParallelWorkersKeepTheStoreAndTheSearchConsistent() {
        SearchResult sequential = CrashableSearch.run(new InMemoryTrialStore(), evaluator(), 1);
        Path file = directory.resolve("stress.db");
        SearchResult parallel;
        try (SqliteTrialStore store = SqliteTrialStore.open(file, "stress")) {
            parallel = CrashableSearch.run(store, evaluator(), 8);
        }
        assertThat(parallel.trials()).isEqualTo(sequential.trials().stream()
                .map(t -> withWall(t, parallel.trials().get(t.index()).wallSeconds())).toList());
        try (SqliteTrialStore store = SqliteTrialStore.open(file, "stress")) {
            List<Trial> stored = store.load();
            assertThat(stored).isEqualTo(parallel.trials());
        }
    }

    private static io.layernas.api.Evaluator evaluator() {
        return request -> {
            // Uneven evaluation times make workers finish out of order.
            Thread.sleep(Math.floorMod(request.architecture().hashCode(), 3));
            return Metrics.of(CrashableSearch.PROBLEM.accuracy(request.architecture()));
        };
    }

    private static Trial withWall(Trial trial, double wall) {
        return new Trial(trial.index(), trial.architecture(), trial.layer(), trial.bucket(), trial.cost(),
                trial.status(), trial.metrics(), trial.failure(), wall, trial.attempts());
    }
}
