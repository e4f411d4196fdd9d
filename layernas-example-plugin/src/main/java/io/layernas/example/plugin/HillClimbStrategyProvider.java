package io.layernas.example.plugin;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.Architecture;
import io.layernas.api.Candidate;
import io.layernas.api.SearchContext;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code example-hill-climb}: a toy strategy. From the default architecture it tries every
 * architecture one option away, in a random layer order, moves to the best of them and repeats
 * until no neighbour is better or the budget is spent. "Better" is: inside the target before
 * outside it; inside, the higher objective; outside, the nearer cost. No settings.
 */
public final class HillClimbStrategyProvider extends AbstractPlugin implements StrategyProvider {
    /** For ServiceLoader. */
    public HillClimbStrategyProvider() {
        super("example-hill-climb", "third-party example: hill climbing over one-option changes");
    }

    @Override
    public SearchStrategy create(Settings settings) {
        return new HillClimb();
    }

    /** Stateless: everything a search needs lives in its context. */
    static final class HillClimb implements SearchStrategy {
        @Override
        public void search(SearchContext context) {
            SplittableRandom random = context.random("example-hill-climb");
            Comparator<Trial> better = order(context.target());
            List<Trial> first = context.evaluate(List.of(Candidate.of(context.space().defaultArchitecture())));
            Trial current = first.isEmpty() ? null : first.get(0);
            while (current != null && !context.budgetExhausted()) {
                List<Candidate> neighbours = neighbours(context, current.architecture(), random);
                Trial best = context.evaluate(neighbours).stream().min(better).orElse(null);
                current = best != null && better.compare(best, current) < 0 ? best : null;
            }
        }

        private static List<Candidate> neighbours(SearchContext context, Architecture from, SplittableRandom random) {
            List<Integer> layers = new ArrayList<>();
            for (int i = 0; i < from.size(); i++) {
                layers.add(random.nextInt(layers.size() + 1), i);
            }
            List<Candidate> neighbours = new ArrayList<>();
            for (int layer : layers) {
                for (int option = 0; option < context.space().layers().get(layer).size(); option++) {
                    Architecture next = from.with(layer, option);
                    if (option != from.choice(layer) && context.find(next).isEmpty()) {
                        neighbours.add(Candidate.of(next));
                    }
                }
            }
            return neighbours;
        }

        private static Comparator<Trial> order(TargetRange target) {
            Comparator<Trial> inTargetFirst = Comparator.comparing(t -> !target.contains(t.cost()));
            return inTargetFirst.thenComparingDouble(t -> target.contains(t.cost()) ? -t.objective()
                    : Math.max(target.low() - t.cost(), t.cost() - target.high()));
        }
    }
}
