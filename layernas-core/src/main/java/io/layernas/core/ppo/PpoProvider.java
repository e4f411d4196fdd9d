package io.layernas.core.ppo;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;

/**
 * {@code ppo}: {@link Ppo}. Settings, the components of {@link Ppo.Config} by name: trainBatch (16),
 * updateBatch (8), updatesPerFeedback (10), learningRate (0.01), clip (0.2), entropy (0),
 * baselineDecay (0.9), mnasExponent (-0.07), maxIdleRounds (100).
 */
public final class PpoProvider extends AbstractPlugin implements StrategyProvider {
    /** For ServiceLoader. */
    public PpoProvider() {
        super("ppo", "baseline: PPO over a per-layer categorical policy (batches 16/8, 10 updates, MNAS reward)");
    }

    @Override
    public SearchStrategy create(Settings settings) {
        return new Ppo(settings.getRecord(Ppo.Config.paper()));
    }
}
