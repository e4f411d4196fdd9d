package io.layernas.core.evolution;

import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;

/**
 * {@code evolution}: {@link RegularizedEvolution}. Settings: population (50), tournament (10),
 * mnasExponent (-0.07), maxIdleMutations (10000).
 */
public final class EvolutionProvider implements StrategyProvider {
    @Override
    public String name() {
        return "evolution";
    }

    @Override
    public String description() {
        return "baseline: regularized evolution (population 50, tournament 10, MNAS reward)";
    }

    @Override
    public SearchStrategy create(Settings settings) {
        RegularizedEvolution.Config paper = RegularizedEvolution.Config.paper();
        int population = settings.getInt("population", paper.population());
        int tournament = settings.getInt("tournament", paper.tournament());
        double exponent = settings.getDouble("mnasExponent", paper.mnasExponent());
        int idle = settings.getInt("maxIdleMutations", paper.maxIdleMutations());
        return settings.build(() -> new RegularizedEvolution(
                new RegularizedEvolution.Config(population, tournament, exponent, idle)));
    }
}
