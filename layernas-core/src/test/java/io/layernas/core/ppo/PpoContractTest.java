package io.layernas.core.ppo;

import io.layernas.api.SearchStrategy;
import io.layernas.api.SearchStrategyContract;

/** The contract of every strategy, for PPO. */
class PpoContractTest extends SearchStrategyContract {
    @Override
    protected SearchStrategy strategy() {
        return new Ppo(Ppo.Config.paper());
    }

    /** PPO samples a batch from its policy and learns from the reward of every sample, trained before or not. */
    @Override
    protected boolean asksAgainForKnownTrials() {
        return true;
    }
}
