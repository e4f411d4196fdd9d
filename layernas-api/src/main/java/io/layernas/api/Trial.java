package io.layernas.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One evaluated architecture. Immutable.
 *
 * @param index        0-based position in the run's evaluation order
 * @param architecture the evaluated architecture
 * @param layer        the layer being searched when it was generated, or -1 where the strategy
 *                     has no layers (random search, evolution, PPO)
 * @param bucket       the cost bucket (Eq. 4) of that layer, or -1
 * @param cost         its cost, in the cost model's unit
 * @param status       how it ended
 * @param metrics      the metrics; {@code null} exactly when the trial failed
 * @param failure      why it failed; {@code null} when it succeeded
 * @param wallSeconds  wall-clock seconds the evaluation took, all attempts included
 * @param attempts     number of attempts made
 */
public record Trial(int index, Architecture architecture, int layer, int bucket, double cost, TrialStatus status,
                    Metrics metrics, String failure, double wallSeconds, int attempts) {
    public Trial {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(status, "status");
        if ((status == TrialStatus.SUCCEEDED) != (metrics != null)) {
            throw new IllegalArgumentException("a trial has metrics exactly when it succeeded");
        }
        if (status == TrialStatus.FAILED && failure == null) {
            throw new IllegalArgumentException("a failed trial needs a failure reason");
        }
    }

    /** True when it succeeded. */
    public boolean succeeded() {
        return status == TrialStatus.SUCCEEDED;
    }

    /** The objective, or negative infinity for a failed trial. */
    public double objective() {
        return succeeded() ? metrics.objective() : Double.NEGATIVE_INFINITY;
    }

    /** The training seconds counted against a time budget (0 for a failed trial). */
    public double trainingSeconds() {
        return succeeded() ? metrics.trainingSeconds() : 0;
    }

    /** The metrics, if it succeeded. */
    public Optional<Metrics> metricsIfSucceeded() {
        return Optional.ofNullable(metrics);
    }
}
