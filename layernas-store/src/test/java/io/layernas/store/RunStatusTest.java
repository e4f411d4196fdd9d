package io.layernas.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStatusTest {
    @TempDir
    Path directory;

    @Test
    void writesAndReadsBackWhatTheRunSaysWithFactsThatNeedEscaping() {
        RunStatus running = RunStatus.startingNow(Map.of("target.low", "1.5", "message", "a=b: c\nd <script>"));
        running.write(directory);
        assertThat(RunStatus.read(directory)).contains(running);
        assertThat(running.effectiveState()).isEqualTo(RunStatus.State.RUNNING);
        RunStatus failed = running.ended(RunStatus.State.FAILED, Map.of("message", "boom"));
        failed.write(directory);
        RunStatus read = RunStatus.read(directory).orElseThrow();
        assertThat(read.effectiveState()).isEqualTo(RunStatus.State.FAILED);
        assertThat(read.facts()).containsEntry("message", "boom").containsEntry("target.low", "1.5");
        assertThat(read.ended()).isAfterOrEqualTo(read.started());
    }

    @Test
    void aRunningRunWhoseProcessIsGoneIsStopped() {
        RunStatus alive = RunStatus.startingNow(Map.of());
        RunStatus gone = new RunStatus(RunStatus.State.RUNNING, Long.MAX_VALUE - 7, alive.host(), alive.started(),
                null, Map.of());
        assertThat(gone.effectiveState()).isEqualTo(RunStatus.State.STOPPED);
        RunStatus elsewhere = new RunStatus(RunStatus.State.RUNNING, Long.MAX_VALUE - 7, "another-host",
                alive.started(), null, Map.of());
        assertThat(elsewhere.effectiveState()).as("taken at its word on another host").isEqualTo(RunStatus.State.RUNNING);
    }

    @Test
    void aMissingOrCutShortFileReadsAsNoStatus() throws Exception {
        assertThat(RunStatus.read(directory)).isEmpty();
        Files.writeString(directory.resolve(RunStatus.FILE), "state=runn");
        assertThat(RunStatus.read(directory)).isEmpty();
    }
}
