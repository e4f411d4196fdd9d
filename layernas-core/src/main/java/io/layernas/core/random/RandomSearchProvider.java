package io.layernas.core.random;

import io.layernas.core.RecordStrategyProvider;

/**
 * {@code random}: {@link RandomSearch}. Settings, the components of {@link RandomSearch.Config} by
 * name: inTargetOnly (false), maxIdleDraws (100000).
 */
public final class RandomSearchProvider extends RecordStrategyProvider<RandomSearch.Config> {
    /** For ServiceLoader. */
    public RandomSearchProvider() {
        super("random", "baseline: uniform random search without replacement", RandomSearch.Config.defaults(),
                RandomSearch::new);
    }
}
