package io.layernas.core.internal;

import io.layernas.api.Trial;
import io.layernas.core.SearchAbortedException;

/** Counts failed trials in a row and stops the run at the limit. Not thread-safe. */
final class FailureStreak {
    private final int limit;
    private int count;

    FailureStreak(int limit) {
        this.limit = limit;
    }

    /**
     * Counts {@code trial}: a success ends the streak.
     *
     * @throws SearchAbortedException when {@code limit} trials in a row have failed
     */
    void count(Trial trial) {
        count = trial.succeeded() ? 0 : count + 1;
        if (count >= limit) {
            throw new SearchAbortedException(count + " trials failed in a row; the last failed with: "
                    + trial.failure() + ". Fix the evaluator and resume the run (its trials are kept), or allow more "
                    + "failures in a row than " + limit + ".");
        }
    }
}
