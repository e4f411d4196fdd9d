package io.layernas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.ConfigurationException;
import io.layernas.api.Metrics;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Non-finite metrics, retried trials, changed data, a lost write-ahead log and a damaged file. */
class SqliteTrialStoreRecoveryTest {
    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve("trials.db");
    }

    private static Trial trial(int index, Map<String, Double> values) {
        return new Trial(index, Architecture.of(index, 1), 0, -1, 10.0 + index, TrialStatus.SUCCEEDED,
                new Metrics(0.5, 1, values), null, 0.1, 1);
    }

    @Test
    void keepsNonFiniteMetricValuesAsTheyWereReported() {
        Trial odd = new Trial(0, Architecture.of(0, 1), 0, -1, Double.POSITIVE_INFINITY, TrialStatus.SUCCEEDED,
                new Metrics(0.9, Double.POSITIVE_INFINITY, Map.of("test_accuracy", Double.NaN, "loss",
                        Double.NEGATIVE_INFINITY, "params", 3.0)), null, 0.2, 1);
        try (SqliteTrialStore store = SqliteTrialStore.open(file(), "fp")) {
            store.append(odd);
        }
        try (SqliteTrialStore store = SqliteTrialStore.open(file(), "fp")) {
            assertThat(store.load()).containsExactly(odd);
        }
    }

    @Test
    void truncateRemovesTheTrialsFromAnIndexOnSoTheyCanBeStoredAgain() {
        try (SqliteTrialStore store = SqliteTrialStore.open(file(), "fp")) {
            store.appendAll(IntStream.range(0, 5).mapToObj(i -> trial(i, Map.of("x", (double) i))).toList());
            store.truncate(3);
            assertThat(store.load()).extracting(Trial::index).containsExactly(0, 1, 2);
            store.append(trial(3, Map.of("y", 1.0)));
            assertThat(store.load().get(3).metrics().values()).isEqualTo(Map.of("y", 1.0));
        }
    }

    @Test
    void refusesAChangedDataFileNamingItWithBothChecksumsUnlessTold() {
        String old = "a".repeat(64);
        String changed = "b".repeat(64);
        SqliteTrialStore.open(file(), new RunIdentity("fp", Map.of("/data/table.csv", old), false)).close();
        assertThatThrownBy(() -> SqliteTrialStore.open(file(),
                new RunIdentity("fp", Map.of("/data/table.csv", changed), false)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("/data/table.csv")
                .hasMessageContaining(old).hasMessageContaining(changed).hasMessageContaining("--accept-changed-data");
        SqliteTrialStore.open(file(), new RunIdentity("fp", Map.of("/data/table.csv", changed), true)).close();
        SqliteTrialStore.open(file(), new RunIdentity("fp", Map.of("/data/table.csv", changed), false)).close();
    }

    @Test
    void saysSoWhenTheWriteAheadLogOfACrashedSessionIsLost() throws Exception {
        Path copy = directory.resolve("copy");
        Files.createDirectories(copy);
        try (SqliteTrialStore store = SqliteTrialStore.open(file(), "fp")) {
            store.append(trial(0, Map.of()));
            store.append(trial(1, Map.of()));
            // A crash now: copy the files as kill -9 leaves them, then lose the log.
            Files.copy(file(), copy.resolve("trials.db"));
            assertThat(SqliteFile.wal(file())).exists();
            assertThat(store.warnings()).isEmpty();
        }
        try (SqliteTrialStore store = SqliteTrialStore.open(copy.resolve("trials.db"), "fp")) {
            assertThat(store.load()).isEmpty();
            assertThat(store.warnings()).singleElement().asString().contains("trials.db-wal is missing")
                    .contains("evaluated again").contains("0 stored trials remain");
        }
        try (SqliteTrialStore store = SqliteTrialStore.open(file(), "fp")) {
            assertThat(store.warnings()).as("a cleanly closed store has no log, and needs none").isEmpty();
            assertThat(store.load()).hasSize(2);
        }
    }

    @Test
    void aDamagedFileGetsAMessageSayingWhatHappenedAndHowToSalvageOrStartAfresh() throws Exception {
        try (SqliteTrialStore store = SqliteTrialStore.open(file(), "fp")) {
            store.appendAll(IntStream.range(0, 400).mapToObj(i -> trial(i, Map.of("metric", (double) i))).toList());
        }
        try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
            for (long page = 2; page * 4096 < raw.length(); page++) {
                raw.seek(page * 4096);
                raw.write(new byte[] {(byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            }
        }
        assertThatThrownBy(() -> {
            try (SqliteTrialStore store = SqliteTrialStore.open(file(), "fp")) {
                store.load();
            }
        }).isInstanceOf(ConfigurationException.class).hasMessageContaining("is damaged")
                .hasMessageContaining(".dump").hasMessageContaining("start afresh");
    }

    @Test
    void aGapInTheTrialsSaysWhichTrialsCanBeKept() throws Exception {
        try (SqliteTrialStore store = SqliteTrialStore.open(file(), "fp")) {
            store.appendAll(List.of(trial(0, Map.of()), trial(1, Map.of()), trial(2, Map.of())));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = raw.createStatement()) {
            statement.execute("DELETE FROM trial WHERE idx = 1");
        }
        assertThatThrownBy(() -> {
            try (SqliteTrialStore store = SqliteTrialStore.open(file(), "fp")) {
                store.load();
            }
        }).isInstanceOf(ConfigurationException.class).hasMessageContaining("misses trial #1")
                .hasMessageContaining("DELETE FROM trial WHERE idx >= 1");
    }
}
