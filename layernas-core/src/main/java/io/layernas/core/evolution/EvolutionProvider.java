package io.layernas.core.evolution;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;

/**
 * {@code evolution}: {@link RegularizedEvolution}. Settings, the components of {@link
 * RegularizedEvolution.Config} by name: population (50), tournament (10), mnasExponent (-0.07),
 * maxIdleMutations (10000).
 */
public final class EvolutionProvider extends AbstractPlugin implements StrategyProvider {
    /** For ServiceLoader. */
    public EvolutionProvider() {
        super("evolution", "baseline: regularized evolution (population 50, tournament 10, MNAS reward)");
    }

    @Override
    public SearchStrategy create(Settings settings) {
        return new RegularizedEvolution(settings.getRecord(RegularizedEvolution.Config.paper()));
    }
}
