package io.layernas.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one search. Immutable.
 *
 * @param best            the trial with the highest objective among those meeting the target,
 *                        or {@code null} when none did
 * @param front           the best trial per cost bucket over all successful trials (the
 *                        cost/accuracy front the search found), in increasing cost order
 * @param trials          every trial in evaluation order
 * @param trainingSeconds summed training seconds of all trials
 * @param stopReason      why the search ended; {@code null} in a partial result of a run still going
 * @param provenance      what reproduces the run: resolved settings, seed, plugin names and
 *                        versions, data checksums
 */
public record SearchResult(Trial best, List<Trial> front, List<Trial> trials, double trainingSeconds,
                           StopReason stopReason, Map<String, String> provenance) {
    public SearchResult {
        front = List.copyOf(front);
        trials = List.copyOf(trials);
        provenance = Map.copyOf(provenance);
    }

    /** The best trial meeting the target, if any. */
    public Optional<Trial> bestTrial() {
        return Optional.ofNullable(best);
    }

    /** Number of trials made (failed ones included). */
    public int evaluations() {
        return trials.size();
    }
}
