package io.layernas.core;

import io.layernas.api.JobJournal;
import io.layernas.api.Trial;
import io.layernas.api.TrialStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A store that keeps trials in memory only: nothing survives the process. Thread-safe. */
public final class InMemoryTrialStore implements TrialStore {
    private final List<Trial> trials = new ArrayList<>();
    private final Map<String, String> jobs = new ConcurrentHashMap<>();
    private final JobJournal journal = new JobJournal() {
        @Override
        public Optional<String> find(String key) {
            return Optional.ofNullable(jobs.get(key));
        }

        @Override
        public void record(String key, String jobId) {
            jobs.put(key, jobId);
        }

        @Override
        public Map<String, String> all() {
            return Map.copyOf(jobs);
        }
    };

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

    /** A journal in memory, as long-lived as this store. */
    @Override
    public JobJournal journal() {
        return journal;
    }
}
