package io.layernas.store.postgres;

import io.layernas.api.Architecture;
import java.util.Objects;

/**
 * A task (one attempt at one candidate) a worker holds a lease on.
 *
 * @param runId        the run it belongs to
 * @param key          the attempt's key, unique in the run ({@code t12-a1-0-3-1})
 * @param index        the trial index the run gave the candidate
 * @param attempt      1 for the first attempt, higher for retries
 * @param seed         the evaluation's seed, as the run derived it
 * @param architecture what to evaluate
 * @param claim        the claim number: it grows each time the task is claimed, so a result sent
 *                     under an older claim (a lease that was taken away) is recognised and dropped
 */
public record ClaimedTask(String runId, String key, int index, int attempt, long seed, Architecture architecture,
                          int claim) {
    public ClaimedTask {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(architecture, "architecture");
    }
}
