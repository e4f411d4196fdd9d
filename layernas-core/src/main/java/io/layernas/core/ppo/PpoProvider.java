package io.layernas.core.ppo;

import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;

/**
 * {@code ppo}: {@link Ppo}. Settings: trainBatch (16), updateBatch (8), updatesPerFeedback (10),
 * learningRate (0.01), clip (0.2), entropy (0), baselineDecay (0.9), mnasExponent (-0.07),
 * maxIdleRounds (100).
 */
public final class PpoProvider implements StrategyProvider {
    @Override
    public String name() {
        return "ppo";
    }

    @Override
    public String description() {
        return "baseline: PPO over a per-layer categorical policy (batches 16/8, 10 updates, MNAS reward)";
    }

    @Override
    public SearchStrategy create(Settings settings) {
        Ppo.Config paper = Ppo.Config.paper();
        return settings.build(() -> new Ppo(new Ppo.Config(
                    settings.getInt("trainBatch", paper.trainBatch()),
                    settings.getInt("updateBatch", paper.updateBatch()),
                    settings.getInt("updatesPerFeedback", paper.updatesPerFeedback()),
                    settings.getDouble("learningRate", paper.learningRate()),
                    settings.getDouble("clip", paper.clip()),
                    settings.getDouble("entropy", paper.entropy()),
                    settings.getDouble("baselineDecay", paper.baselineDecay()),
                    settings.getDouble("mnasExponent", paper.mnasExponent()),
                    settings.getInt("maxIdleRounds", paper.maxIdleRounds()))));
    }
}
