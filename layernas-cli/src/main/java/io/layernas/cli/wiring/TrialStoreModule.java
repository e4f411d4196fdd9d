package io.layernas.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.layernas.api.SearchSpace;
import io.layernas.api.TrialStore;
import io.layernas.cli.results.JsonLinesTrialStore;
import io.layernas.cli.results.OutputFiles;

/**
 * Where a run keeps its trials: the one binding to change for another store. This one appends
 * JSON lines to {@code trials.jsonl} in the run directory, forced to disk per trial, so that
 * {@code run --resume DIR} replays them.
 */
public final class TrialStoreModule extends AbstractModule {
    private final RunDirectory directory;

    /** Stores trials in {@code directory}. */
    public TrialStoreModule(RunDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected void configure() {
        bind(RunDirectory.class).toInstance(directory);
    }

    @Provides
    @Singleton
    TrialStore store(SearchSpace space) {
        return new JsonLinesTrialStore(directory.path().resolve(OutputFiles.TRIALS_JSONL), space);
    }
}
