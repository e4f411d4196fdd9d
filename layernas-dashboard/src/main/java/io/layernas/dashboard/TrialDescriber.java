package io.layernas.dashboard;

import io.layernas.api.Architecture;
import java.nio.file.Path;

/**
 * Describes the architectures of one run layer by layer, as {@code layernas describe SPACE ARCH}
 * does; a trial's detail shows it. The dashboard itself loads no plugin: whoever starts it
 * ({@code layernas serve}) gives it a {@link Factory} that builds a run's describer, from the run's
 * {@code config.yaml}, with the run's space and cost model. Implementations are thread-safe.
 */
@FunctionalInterface
public interface TrialDescriber {

    /**
     * The description of {@code architecture}: plain text with aligned columns.
     *
     * @throws RuntimeException when it is not an architecture of the run's space
     */
    String describe(Architecture architecture);

    /** Builds the describer of a run. Thread-safe. */
    @FunctionalInterface
    interface Factory {
        /** For a dashboard started without plugins: no run is described, trials show option indices. */
        Factory NONE = directory -> {
            throw new IllegalStateException("this dashboard was started without plugins");
        };

        /**
         * The describer of the run in {@code runDirectory}.
         *
         * @throws RuntimeException whose message says why the run's architectures cannot be described
         *                          (an unknown plugin, a missing data file, no config.yaml)
         */
        TrialDescriber forRun(Path runDirectory);
    }
}
