package io.layernas.store.postgres;

import io.layernas.api.Architecture;
import java.util.Objects;

/**
 * A task a worker holds a lease on.
 *
 * @param runId        the run it belongs to
 * @param index        the trial index the run gave it
 * @param architecture what to evaluate
 * @param claim        the claim number: it grows each time the task is claimed, so a result sent
 *                     under an older claim (a lease that was taken away) is recognised and dropped
 */
public record ClaimedTask(String runId, int index, Architecture architecture, int claim) {
    public ClaimedTask {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(architecture, "architecture");
    }
}
