package io.layernas.cli.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.Layer;
import io.layernas.api.Metrics;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import io.layernas.core.SimpleSearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTrialStoreTest {
    private static final SimpleSearchSpace SPACE = new SimpleSearchSpace("toy",
            List.of(new Layer("a", List.of("x", "y")), new Layer("b", List.of("p", "q", "r"))));

    @TempDir
    Path dir;

    private static Trial ok(int index, int a, int b) {
        return new Trial(index, Architecture.of(a, b), 1, 3, 10.5 + index, TrialStatus.SUCCEEDED,
                new Metrics(0.5 + index / 100.0, 2, Map.of("test_accuracy", 0.4)), null, 0.25, 1);
    }

    @Test
    void storedTrialsComeBackEqualFailedOnesIncluded() {
        Trial failed = new Trial(2, Architecture.of(1, 2), -1, -1, 3, TrialStatus.FAILED, null, "out of memory", 1.5, 3);
        JsonLinesTrialStore store = new JsonLinesTrialStore(dir.resolve("t.jsonl"), SPACE);
        store.append(ok(0, 0, 0));
        store.append(ok(1, 0, 1));
        store.append(failed);
        store.close();
        assertThat(new JsonLinesTrialStore(dir.resolve("t.jsonl"), SPACE).load())
                .containsExactly(ok(0, 0, 0), ok(1, 0, 1), failed);
    }

    @Test
    void aTornLastLineIsDroppedAndAppendsStartOnAFreshLine() throws Exception {
        Path file = dir.resolve("t.jsonl");
        Files.writeString(file, TrialJson.toJson(ok(0, 0, 0), SPACE) + "\n{\"index\":1,\"archi");
        JsonLinesTrialStore store = new JsonLinesTrialStore(file, SPACE);
        assertThat(store.load()).containsExactly(ok(0, 0, 0));
        store.append(ok(1, 1, 1));
        store.close();
        assertThat(new JsonLinesTrialStore(file, SPACE).load()).containsExactly(ok(0, 0, 0), ok(1, 1, 1));
    }

    @Test
    void aBrokenLineInTheMiddleIsReportedWithItsNumber() throws Exception {
        Path file = dir.resolve("t.jsonl");
        Files.writeString(file, "garbage\n" + TrialJson.toJson(ok(0, 0, 0), SPACE) + "\n");
        assertThatThrownBy(() -> new JsonLinesTrialStore(file, SPACE).load())
                .hasMessageStartingWith(file + " line 1 is not a trial record: ");
    }

    @Test
    void theJsonNamesTheArchitectureInTheSpacesWords() {
        assertThat(TrialJson.toJson(ok(0, 1, 2), SPACE).get("architecture").asText()).isEqualTo("y:r");
    }
}
