package io.layernas.core.random;

import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;

/** {@code random}: {@link RandomSearch}. Settings: inTargetOnly (false), maxIdleDraws (100000). */
public final class RandomSearchProvider implements StrategyProvider {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "baseline: uniform random search without replacement";
    }

    @Override
    public SearchStrategy create(Settings settings) {
        RandomSearch.Config defaults = RandomSearch.Config.defaults();
        boolean inTarget = settings.getBoolean("inTargetOnly", defaults.inTargetOnly());
        int idle = settings.getInt("maxIdleDraws", defaults.maxIdleDraws());
        return settings.build(() -> new RandomSearch(new RandomSearch.Config(inTarget, idle)));
    }
}
