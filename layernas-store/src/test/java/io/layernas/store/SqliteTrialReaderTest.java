package io.layernas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.Metrics;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTrialReaderTest {
    @TempDir
    Path directory;

    private static Trial ok(int index, int layer, int bucket, double cost, double objective) {
        return new Trial(index, Architecture.of(index, layer + 1, bucket + 1), layer, bucket, cost, TrialStatus.SUCCEEDED,
                new Metrics(objective, 1.0, Map.of("test_accuracy", objective - 0.01)), null, 0.5, 1);
    }

    @Test
    void seesWhatTheWriterCommitsWhileItWritesAndReadsOnlyTheNewTrials() {
        Path file = directory.resolve("trials.db");
        try (SqliteTrialStore store = SqliteTrialStore.open(file, "fp")) {
            store.append(ok(0, 0, 1, 10, 0.5));
            try (SqliteTrialReader reader = SqliteTrialReader.open(file)) {
                assertThat(reader.count()).isEqualTo(1);
                store.append(ok(1, 0, 1, 12, 0.7));
                store.append(new Trial(2, Architecture.of(9, 9, 9), 1, 3, 20, TrialStatus.FAILED, null,
                        "<script>alert(1)</script>", 0.1, 2));
                assertThat(reader.count()).isEqualTo(3);
                assertThat(reader.succeeded()).isEqualTo(2);
                assertThat(reader.after(0, 10)).extracting(Trial::index).containsExactly(1, 2);
                assertThat(reader.after(0, 1)).extracting(Trial::index).containsExactly(1);
                assertThat(reader.after(2, 10)).isEmpty();
                assertThat(reader.trial(2).orElseThrow().failure()).isEqualTo("<script>alert(1)</script>");
                assertThat(reader.trial(1).orElseThrow().metrics().values()).containsEntry("test_accuracy", 0.69);
                assertThat(reader.find("1-1-2")).map(Trial::index).contains(1);
            }
        }
    }

    @Test
    void bestRespectsTheTargetAndBucketsKeepTheirKBest() {
        Path file = directory.resolve("trials.db");
        try (SqliteTrialStore store = SqliteTrialStore.open(file, "fp")) {
            store.append(ok(0, 0, 1, 10, 0.5));
            store.append(ok(1, 0, 1, 12, 0.7));
            store.append(ok(2, 0, 1, 11, 0.6));
            store.append(ok(3, 0, 2, 30, 0.9));
            store.append(ok(4, 1, 1, 14, 0.8));
            store.append(ok(5, -1, -1, 14, 0.99));
        }
        try (SqliteTrialReader reader = SqliteTrialReader.open(file)) {
            assertThat(reader.best(10, 20)).map(Trial::index).contains(5);
            assertThat(reader.best(25, 35)).map(Trial::index).contains(3);
            assertThat(reader.best(100, 200)).isEmpty();
            List<SqliteTrialReader.Bucket> buckets = reader.buckets(2);
            assertThat(buckets).extracting(b -> b.layer() + "/" + b.bucket()).containsExactly("0/1", "0/2", "1/1");
            SqliteTrialReader.Bucket first = buckets.get(0);
            assertThat(first.trials()).isEqualTo(3);
            assertThat(first.minCost()).isEqualTo(10);
            assertThat(first.maxCost()).isEqualTo(12);
            assertThat(first.best()).extracting(Trial::index).containsExactly(1, 2);
        }
    }

    @Test
    void pagesOfJsonCarryTheStoresRowsAndNonFiniteMetricValuesSurvive() {
        Path file = directory.resolve("trials.db");
        try (SqliteTrialStore store = SqliteTrialStore.open(file, "fp")) {
            store.append(ok(0, 0, 1, 10, 0.5));
            store.append(new Trial(1, Architecture.of(2, 2), 0, 1, 11, TrialStatus.SUCCEEDED,
                    new Metrics(0.25, 2, Map.of("loss", Double.NaN)), null, 0.5, 1));
        }
        try (SqliteTrialReader reader = SqliteTrialReader.open(file)) {
            SqliteTrialReader.JsonPage page = reader.afterAsJson(-1, 10);
            assertThat(page.count()).isEqualTo(2);
            assertThat(page.last()).isEqualTo(1);
            assertThat(page.rows()).startsWith("[[0,0,1,10.0,1,0.5,1.0,0.5,1,\"0-1-2\",null],[1,0,1,11.0,1,0.25,");
            assertThat(reader.afterAsJson(1, 10).count()).isZero();
            assertThat(reader.afterAsJson(1, 10).last()).isEqualTo(1);
            assertThat(reader.trial(1).orElseThrow().metrics().values().get("loss")).isNaN();
        }
    }

    @Test
    void saysWhenAFileIsNoStoreAndNeverCreatesOne() throws Exception {
        Path missing = directory.resolve("missing.db");
        assertThatThrownBy(() -> SqliteTrialReader.open(missing)).hasMessageContaining("no trial store");
        assertThat(missing).doesNotExist();
        Path junk = Files.writeString(directory.resolve("junk.db"), "not a database");
        assertThatThrownBy(() -> SqliteTrialReader.open(junk)).hasMessageContaining("cannot read the trial store");
        assertThat(junk).hasContent("not a database");
    }
}
