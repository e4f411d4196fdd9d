package io.layernas.cli.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.Layer;
import io.layernas.api.Metrics;
import io.layernas.api.SearchEvent;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import io.layernas.cli.results.Provenance;
import io.layernas.core.SimpleSearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result files of a run still going: written as trials finish, cheaply, and marked as running. */
class LiveResultsTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong();
    private final SimpleSearchSpace space = new SimpleSearchSpace("grid", List.of(
            new Layer("a", List.of("0", "1", "2")), new Layer("b", List.of("0", "1", "2"))));

    @TempDir
    Path directory;

    private LiveResults live() {
        Provenance provenance = new Provenance(Map.of("space", Map.of("name", "grid")), 7, Map.of(), Map.of(), Map.of());
        return new LiveResults(directory, new TargetRange(0, 10), "units",
                result -> new RunReport("live", space, result, provenance, 1), clock::get);
    }

    private static SearchEvent.TrialFinished finished(int index) {
        Trial trial = new Trial(index, Architecture.of(index % 3, index / 3 % 3), -1, -1, index, TrialStatus.SUCCEEDED,
                Metrics.of(0.5 + index / 100.0), null, 1, 1);
        return new SearchEvent.TrialFinished(trial, index + 1, index + 1, null);
    }

    @Test
    void aLongRunWritesItsFilesAsTrialsFinishMarkedRunningAndAShortOneNotAtAll() throws Exception {
        LiveResults live = live();
        live.onEvent(finished(0));
        clock.addAndGet(5 * SECOND);
        live.onEvent(finished(1));
        assertThat(live.writes()).as("nothing in the first 30 s").isZero();
        assertThat(directory.resolve(OutputFiles.INDEX_HTML)).doesNotExist();

        clock.addAndGet(30 * SECOND);
        live.onEvent(finished(2));
        assertThat(live.writes()).isEqualTo(1);
        assertThat(Files.readString(directory.resolve(OutputFiles.INDEX_HTML))).contains("running");
        assertThat(Files.readString(directory.resolve(OutputFiles.RESULT_JSON))).contains("\"stopReason\" : \"RUNNING\"")
                .contains("\"evaluations\" : 3");
        assertThat(Files.readAllLines(directory.resolve(OutputFiles.TRIALS_CSV))).hasSize(1 + 3);
        assertThat(directory.resolve(OutputFiles.BEST_SO_FAR_PLOT + ".svg")).exists();

        clock.addAndGet(SECOND);
        live.onEvent(finished(3));
        assertThat(live.writes()).as("at most every 10 s").isEqualTo(1);
        clock.addAndGet(10 * SECOND);
        live.onEvent(finished(4));
        assertThat(live.writes()).isEqualTo(2);
        assertThat(Files.readAllLines(directory.resolve(OutputFiles.TRIALS_CSV))).hasSize(1 + 5);
        List<String> lines = Files.readAllLines(directory.resolve(OutputFiles.TRIALS_CSV));
        assertThat(lines.get(5)).startsWith("4,");
    }
}
