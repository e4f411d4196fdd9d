package io.layernas.api;

import java.util.List;

/**
 * Where a run keeps its trials. A durable store makes a run resumable: the run replays the
 * stored trials instead of evaluating them again.
 *
 * <p>Implementations must be thread-safe.
 */
public interface TrialStore extends AutoCloseable {

    /** The trials stored so far, in index order. */
    List<Trial> load();

    /** Stores one finished trial; when this returns the trial must survive a crash. */
    void append(Trial trial);

    /**
     * Stores finished trials, in order; when this returns they must all survive a crash. A store
     * that can make them durable together (one transaction) should: the default appends one by one.
     */
    default void appendAll(List<Trial> trials) {
        trials.forEach(this::append);
    }

    /**
     * Removes the trials with an index of {@code size} or more, so that a resumed run evaluates
     * them again (it does so for the failed trials at the end of an interrupted run). The default
     * refuses: a store that cannot remove trials cannot retry them.
     */
    default void truncate(int size) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot remove stored trials");
    }

    /**
     * The run's {@link JobJournal}: where a remote executor records its jobs next to the trials.
     * The default keeps nothing (a store that is not durable cannot resume either).
     */
    default JobJournal journal() {
        return JobJournal.NONE;
    }

    /** Releases the store; the default does nothing. */
    @Override
    default void close() {
    }
}
