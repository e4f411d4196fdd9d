package io.layernas.cli.wiring;

import io.layernas.api.TrialStore;

/** Opens a run's trial store; the run calls it once, after locking its directory, and closes the store. */
@FunctionalInterface
public interface TrialStores {
    /** The run's store, opened (created, or with its stored trials on resume). */
    TrialStore open();
}
