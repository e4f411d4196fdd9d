package io.layernas.core.internal;

import io.layernas.api.Trial;
import io.layernas.core.SearchAbortedException;

/**
 * Counts failed trials in a row and stops the run at the limit. Only a new trial stops it, so a
 * limit lowered before a resume never stops the replay of stored trials. Not thread-safe.
 */
final class FailureStreak {
    private final int limit;
    private int count;

    FailureStreak(int limit) {
        this.limit = limit;
    }

    /**
     * Counts a new trial: a success ends the streak.
     *
     * @throws SearchAbortedException when {@code limit} trials in a row have failed
     */
    void count(Trial trial) {
        replay(trial);
        if (count >= limit) {
            throw new SearchAbortedException(count + " trials failed in a row; the last failed with: "
                    + trial.failure() + ". Fix the evaluator and resume the run (its trials are kept), or allow more "
                    + "failures in a row than " + limit + ".");
        }
    }

    /** Counts a replayed trial, which never stops the run. */
    void replay(Trial trial) {
        count = trial.succeeded() ? 0 : count + 1;
    }
}
