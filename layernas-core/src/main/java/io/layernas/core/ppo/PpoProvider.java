package io.layernas.core.ppo;

import io.layernas.core.RecordStrategyProvider;

/**
 * {@code ppo}: {@link Ppo}. Settings, the components of {@link Ppo.Config} by name: trainBatch (16),
 * updateBatch (8), updatesPerFeedback (10), learningRate (0.01), clip (0.2), entropy (0),
 * baselineDecay (0.9), mnasExponent (-0.07), maxIdleRounds (100).
 */
public final class PpoProvider extends RecordStrategyProvider<Ppo.Config> {
    /** For ServiceLoader. */
    public PpoProvider() {
        super("ppo", "baseline: PPO over a per-layer categorical policy (batches 16/8, 10 updates, MNAS reward)",
                Ppo.Config.paper(), Ppo::new);
    }
}
