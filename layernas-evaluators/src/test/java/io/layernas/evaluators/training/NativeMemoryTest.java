package io.layernas.evaluators.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@link NativeMemory} tells glibc. Its effect, page faults per training step, is measured by the bench
 * module's {@code TrainingStepReport} (row {@code faults}), not here: it depends on glibc's heap layout.
 */
class NativeMemoryTest extends EngineTest {

    @Test
    void theEngineStartsWithGlibcKeepingFreedMemory() {
        assertThat(DjlRuntime.nativeMemory()).isEqualTo("mallopt: mmap threshold 32 MiB, trim threshold 1 GiB");
    }

    @Test
    void theEnvironmentsOwnTunablesAndTheSystemModeLeaveGlibcAlone() {
        assertThat(NativeMemory.configure("keep", Map.of("MALLOC_TRIM_THRESHOLD_", "131072")))
                .isEqualTo("as the environment's MALLOC_TRIM_THRESHOLD_ says");
        assertThat(NativeMemory.configure("system", Map.of())).startsWith("glibc's defaults");
    }

    @Test
    void anUnknownModeNamesThePropertyAndItsValues() {
        assertThatThrownBy(() -> NativeMemory.configure("jemalloc", Map.of()))
                .hasMessage("system property layernas.djl-train.malloc (jemalloc) must be keep (the default) or system");
    }
}
