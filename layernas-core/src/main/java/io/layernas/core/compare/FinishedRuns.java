package io.layernas.core.compare;

import io.layernas.api.Trial;
import java.util.List;
import java.util.Optional;

/**
 * Where a comparison keeps the trials of its finished runs, so that a comparison interrupted half
 * way (a crash, {@code kill -9}) is resumed without running them again: a stored run's curve is
 * rebuilt from its trials. A run stopped by too many failures in a row is not kept: a resumed
 * comparison runs it again. Implementations must be thread-safe; runs end on several threads.
 */
public interface FinishedRuns {
    /** Keeps nothing: every run is run. */
    FinishedRuns NONE = new FinishedRuns() {
        @Override
        public Optional<List<Trial>> load(String strategy, long seed) {
            return Optional.empty();
        }

        @Override
        public void save(String strategy, long seed, List<Trial> trials) {
        }
    };

    /** The trials of the finished run of {@code strategy} from {@code seed}, if it is kept. */
    Optional<List<Trial>> load(String strategy, long seed);

    /** Keeps a finished run's trials; when this returns they must survive a crash. */
    void save(String strategy, long seed, List<Trial> trials);
}
