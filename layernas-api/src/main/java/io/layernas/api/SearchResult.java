package io.layernas.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one search. Immutable. What reproduces the run (resolved settings, plugin
 * versions, data checksums) is not part of it: whoever configured the run keeps that and writes it
 * next to the result.
 *
 * @param best            the trial with the highest objective among those meeting the target,
 *                        or {@code null} when none did
 * @param front           the best trial per cost bucket over all successful trials (the
 *                        cost/accuracy front the search found), in increasing cost order
 * @param trials          every trial in evaluation order
 * @param trainingSeconds summed training seconds of all trials
 * @param stopReason      why the search ended
 * @param abortReason     when the run stopped early ({@link StopReason#TOO_MANY_FAILURES}), what
 *                        happened in words (the last failure, what to do); {@code null} otherwise
 * @param target          the cost range {@code best} had to land in, in {@code costUnit}s
 * @param costUnit        the unit of every trial's cost ({@code MAdds}, {@code ms}, ...)
 */
public record SearchResult(Trial best, List<Trial> front, List<Trial> trials, double trainingSeconds,
                           StopReason stopReason, String abortReason, TargetRange target, String costUnit) {
    public SearchResult {
        front = List.copyOf(front);
        trials = List.copyOf(trials);
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(costUnit, "costUnit");
    }

    /** The best trial meeting the target, if any. */
    public Optional<Trial> bestTrial() {
        return Optional.ofNullable(best);
    }

    /** Why the run stopped early, if it did. */
    public Optional<String> abort() {
        return Optional.ofNullable(abortReason);
    }

    /** Number of trials made (failed ones included). */
    public int evaluations() {
        return trials.size();
    }
}
