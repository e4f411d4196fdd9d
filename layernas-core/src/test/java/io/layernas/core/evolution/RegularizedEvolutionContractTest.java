package io.layernas.core.evolution;

import io.layernas.api.SearchStrategy;
import io.layernas.api.SearchStrategyContract;

/** The contract of every strategy, for regularized evolution. */
class RegularizedEvolutionContractTest extends SearchStrategyContract {
    @Override
    protected SearchStrategy strategy() {
        return new RegularizedEvolution(RegularizedEvolution.Config.paper());
    }
}
