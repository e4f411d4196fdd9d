package io.layernas.core.layernas;

import io.layernas.api.SearchStrategy;
import io.layernas.api.SearchStrategyContract;

/** The contract of every strategy, for LayerNAS Algorithm 2. */
class LayerNasDpContractTest extends SearchStrategyContract {
    @Override
    protected SearchStrategy strategy() {
        return new LayerNasDp(100, 3);
    }

    /** Algorithm 2 keeps the best per bucket and draws nothing. */
    @Override
    protected boolean seedChangesTheSearch() {
        return false;
    }
}
