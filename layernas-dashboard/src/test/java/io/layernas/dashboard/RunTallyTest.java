package io.layernas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.Metrics;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import io.layernas.store.SqliteTrialReader;
import io.layernas.store.SqliteTrialStore;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTallyTest {
    @TempDir
    Path directory;

    @Test
    void batchByBatchItAgreesWithTheWholeStore() {
        Path file = directory.resolve("trials.db");
        SplittableRandom random = new SplittableRandom(3);
        RunTally tally = new RunTally(20, 30, 2);
        try (SqliteTrialStore store = SqliteTrialStore.open(file, "fp");
             SqliteTrialReader reader = SqliteTrialReader.open(file)) {
            int index = 0;
            for (int batch : new int[] {1, 7, 0, 40, 13}) {
                for (int i = 0; i < batch; i++, index++) {
                    int layer = random.nextInt(4) - 1;
                    int bucket = layer < 0 ? -1 : random.nextInt(5);
                    double cost = 10 + random.nextInt(30);
                    store.append(random.nextInt(6) == 0
                            ? new Trial(index, Architecture.of(index), layer, bucket, cost, TrialStatus.FAILED, null,
                                    "oops", 1, 1)
                            : new Trial(index, Architecture.of(index), layer, bucket, cost, TrialStatus.SUCCEEDED,
                                    new Metrics(random.nextInt(100) / 100.0, 1, java.util.Map.of()), null, 1, 1));
                }
                tally.update(reader);
                assertThat(tally.count()).isEqualTo(reader.count());
                assertThat(tally.succeeded()).isEqualTo(reader.succeeded());
                assertThat(tally.best()).isEqualTo(reader.best(20, 30).orElse(null));
                assertThat(tally.buckets()).isEqualTo(reader.buckets(2));
            }
        }
    }
}
