package io.layernas.core;

import io.layernas.api.Trial;
import io.layernas.api.TrialStore;
import java.util.ArrayList;
import java.util.List;

/** A store that keeps trials in memory only: nothing survives the process. Thread-safe. */
public final class InMemoryTrialStore implements TrialStore {
    private final List<Trial> trials = new ArrayList<>();

    /** An empty store. */
    public InMemoryTrialStore() {
    }

    /** A store holding {@code trials}, e.g. to replay them. */
    public InMemoryTrialStore(List<Trial> trials) {
        this.trials.addAll(trials);
    }

    @Override
    public synchronized List<Trial> load() {
        return List.copyOf(trials);
    }

    @Override
    public synchronized void append(Trial trial) {
        trials.add(trial);
    }

    @Override
    public synchronized void truncate(int size) {
        if (size < trials.size()) {
            trials.subList(size, trials.size()).clear();
        }
    }
}
