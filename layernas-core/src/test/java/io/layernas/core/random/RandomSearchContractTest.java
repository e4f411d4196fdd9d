package io.layernas.core.random;

import io.layernas.api.SearchStrategy;
import io.layernas.api.SearchStrategyContract;

/** The contract of every strategy, for random search. */
class RandomSearchContractTest extends SearchStrategyContract {
    @Override
    protected SearchStrategy strategy() {
        return new RandomSearch(RandomSearch.Config.defaults());
    }
}
