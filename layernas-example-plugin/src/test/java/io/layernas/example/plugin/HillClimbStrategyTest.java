package io.layernas.example.plugin;

import io.layernas.api.SearchStrategy;
import io.layernas.api.SearchStrategyContract;
import io.layernas.api.Settings;

/** The toy strategy keeps the contract every strategy keeps. */
class HillClimbStrategyTest extends SearchStrategyContract {
    @Override
    protected SearchStrategy strategy() {
        return new HillClimbStrategyProvider().create(Settings.empty("search"));
    }
}
