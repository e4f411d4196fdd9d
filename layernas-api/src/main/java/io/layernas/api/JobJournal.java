package io.layernas.api;

import java.util.Map;
import java.util.Optional;

/**
 * Durable notes of a run's executor: which job (a Slurm job id, a work-queue row) carries out which
 * attempt, by {@link EvaluationJob#key()}. A remote executor records a job as soon as it exists, so
 * that after a controller crash the resumed run finds it and re-attaches instead of training the
 * candidate twice. Kept by the {@link TrialStore} ({@link TrialStore#journal()}).
 *
 * <p>Implementations must be thread-safe.
 */
public interface JobJournal {

    /** A journal that forgets everything: for stores that are not durable. */
    JobJournal NONE = new JobJournal() {
        @Override
        public Optional<String> find(String key) {
            return Optional.empty();
        }

        @Override
        public void record(String key, String jobId) {
        }
    };

    /** The job recorded for {@code key}, if any. */
    Optional<String> find(String key);

    /**
     * Records that {@code jobId} carries out the attempt {@code key}, replacing an earlier record;
     * when this returns the record must survive a crash of this process.
     */
    void record(String key, String jobId);

    /** Every record, by key; the default knows none (for journals that cannot list). */
    default Map<String, String> all() {
        return Map.of();
    }
}
