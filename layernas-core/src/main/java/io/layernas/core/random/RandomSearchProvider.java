package io.layernas.core.random;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;

/**
 * {@code random}: {@link RandomSearch}. Settings, the components of {@link RandomSearch.Config} by
 * name: inTargetOnly (false), maxIdleDraws (100000).
 */
public final class RandomSearchProvider extends AbstractPlugin implements StrategyProvider {
    /** For ServiceLoader. */
    public RandomSearchProvider() {
        super("random", "baseline: uniform random search without replacement");
    }

    @Override
    public SearchStrategy create(Settings settings) {
        return new RandomSearch(settings.getRecord(RandomSearch.Config.defaults()));
    }
}
