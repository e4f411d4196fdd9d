package io.layernas.core.evolution;

import io.layernas.api.Architecture;
import io.layernas.api.Candidate;
import io.layernas.api.SearchContext;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Trial;
import io.layernas.core.Draws;
import io.layernas.core.MnasReward;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Regularized (aging) evolution, Real et al. 2019, as the paper's baseline (Appendix B/C:
 * population 50, tournament 10), maximising the {@link MnasReward MNAS reward}.
 *
 * <p>It trains {@code population} uniformly drawn architectures, then repeats: a tournament of
 * {@code tournament} members drawn with replacement picks the fittest as parent; its child
 * re-draws one layer uniformly among the other options; the child is trained, joins the
 * population and the oldest member leaves. A child already trained in this run would cost
 * nothing and teach nothing, so it is discarded and another tournament is held: every cycle trains
 * a new architecture. The search ends with the budget, or after {@code maxIdleMutations} discarded
 * children in a row (the neighbourhood of the population is exhausted).
 *
 * <p>It searches the whole space; the result counts the best trial inside the target. Stateless:
 * randomness comes from {@code random("evolution")}.
 *
 * @param config the settings
 */
public record RegularizedEvolution(Config config) implements SearchStrategy {
    @Override
    public void search(SearchContext context) {
        SplittableRandom random = context.random("evolution");
        MnasReward reward = MnasReward.of(context.target(), config.mnasExponent());
        Population population = new Population(config.population());
        for (Trial trial : context.evaluate(initial(context, random))) {
            population.add(trial, reward.of(trial));
        }
        int idle = 0;
        while (!context.budgetExhausted() && idle < config.maxIdleMutations() && !population.isEmpty()) {
            Architecture parent = population.tournament(config.tournament(), random).trial().architecture();
            Architecture child = Draws.mutate(parent, context.space(), random);
            if (context.find(child).isPresent()) {
                idle++;
                continue;
            }
            idle = 0;
            Optional<Trial> trial = context.evaluate(Candidate.of(child));
            trial.ifPresent(t -> population.add(t, reward.of(t)));
        }
    }

    /** Up to {@code population} distinct uniformly drawn architectures. */
    private List<Candidate> initial(SearchContext context, SplittableRandom random) {
        Set<Architecture> drawn = new LinkedHashSet<>();
        long wanted = (long) Math.min(config.population(), context.space().architectureCount());
        for (int idle = 0; drawn.size() < wanted && idle < config.maxIdleMutations(); ) {
            idle = drawn.add(Draws.uniform(context.space(), random)) ? 0 : idle + 1;
        }
        List<Candidate> candidates = new ArrayList<>();
        drawn.forEach(a -> candidates.add(Candidate.of(a)));
        return candidates;
    }

    /**
     * Settings of regularized evolution.
     *
     * @param population       members kept, {@code P} (paper: 50)
     * @param tournament       members drawn per tournament, {@code S} (paper: 10)
     * @param mnasExponent     exponent of the MNAS reward (paper: -0.07)
     * @param maxIdleMutations children in a row that were already trained after which the search
     *                         ends (default 10,000)
     */
    public record Config(int population, int tournament, double mnasExponent, int maxIdleMutations) {
        public Config {
            positive("population", population, "50, the paper's");
            positive("tournament", tournament, "10, the paper's");
            positive("maxIdleMutations", maxIdleMutations, "10000");
            if (tournament > population) {
                throw new IllegalArgumentException("tournament (" + tournament + ") must not exceed population ("
                        + population + "). The paper uses population 50, tournament 10.");
            }
            new MnasReward(mnasExponent, Double.NaN);
        }

        /** The paper's settings: population 50, tournament 10, exponent -0.07. */
        public static Config paper() {
            return new Config(50, 10, MnasReward.PAPER_EXPONENT, 10_000);
        }

        public static void positive(String name, int value, String suggestion) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " (" + value + ") must be positive. Maybe you meant "
                        + suggestion + "?");
            }
        }
    }
}
