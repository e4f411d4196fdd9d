package io.layernas.core.layernas;

import io.layernas.api.SearchStrategy;
import io.layernas.api.SearchStrategyContract;

/** The contract of every strategy, for LayerNAS Algorithm 1. */
class LayerNasContractTest extends SearchStrategyContract {
    @Override
    protected SearchStrategy strategy() {
        return new LayerNas(LayerNas.Config.defaults());
    }
}
