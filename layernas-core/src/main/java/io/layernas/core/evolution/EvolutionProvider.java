package io.layernas.core.evolution;

import io.layernas.core.RecordStrategyProvider;

/**
 * {@code evolution}: {@link RegularizedEvolution}. Settings, the components of {@link
 * RegularizedEvolution.Config} by name: population (50), tournament (10), mnasExponent (-0.07),
 * maxIdleMutations (10000).
 */
public final class EvolutionProvider extends RecordStrategyProvider<RegularizedEvolution.Config> {
    /** For ServiceLoader. */
    public EvolutionProvider() {
        super("evolution", "baseline: regularized evolution (population 50, tournament 10, MNAS reward)",
                RegularizedEvolution.Config.paper(), RegularizedEvolution::new);
    }
}
