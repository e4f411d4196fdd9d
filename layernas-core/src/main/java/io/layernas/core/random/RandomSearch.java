package io.layernas.core.random;

import io.layernas.api.Architecture;
import io.layernas.api.Candidate;
import io.layernas.api.SearchContext;
import io.layernas.api.SearchStrategy;
import io.layernas.core.Draws;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random search: draws architectures uniformly (every layer's option uniformly) and evaluates
 * each new one, until the budget is spent. It samples without replacement: an architecture drawn
 * before is skipped, as the run would not train it again anyway.
 *
 * <p>By default it searches the whole space, as the paper's baseline does; the result counts the
 * best trial inside the target. With {@link Config#inTargetOnly()} it trains only architectures
 * whose cost lies in the target (rejection sampling on the cost model, which costs no training).
 *
 * <p>Its draws do not depend on results, so it hands the run as many new candidates at a time as
 * the run evaluates at once ({@link SearchContext#parallelism()}, at most {@link #MAX_BATCH}): on
 * a cluster every free slot trains one. The trials are those of one-at-a-time evaluation, in the
 * same order, whatever the parallelism.
 *
 * <p>It stops when it has drawn every architecture of the space, or when {@link
 * Config#maxIdleDraws()} draws in a row brought nothing new to train (a nearly exhausted space,
 * or a target almost nothing meets). Stateless: randomness comes from {@code random("random-search")}.
 *
 * @param config the settings
 */
public record RandomSearch(Config config) implements SearchStrategy {
    /** Most candidates handed to the run at once, however many it evaluates at once. */
    public static final int MAX_BATCH = 1024;

    @Override
    public void search(SearchContext context) {
        SplittableRandom random = context.random("random-search");
        double size = context.space().architectureCount();
        int batchSize = Math.min(Math.max(1, context.parallelism()), MAX_BATCH);
        Set<Architecture> drawn = new HashSet<>();
        int idle = 0;
        while (!context.budgetExhausted() && idle < config.maxIdleDraws() && drawn.size() < size) {
            List<Candidate> batch = new ArrayList<>(batchSize);
            while (batch.size() < batchSize && idle < config.maxIdleDraws() && drawn.size() < size) {
                Architecture architecture = Draws.uniform(context.space(), random);
                if (!drawn.add(architecture) || !wanted(context, architecture)) {
                    idle++;
                    continue;
                }
                idle = 0;
                batch.add(Candidate.of(architecture));
            }
            if (batch.isEmpty()) {
                return;
            }
            context.evaluate(batch); // up to the trial that spends the budget, in the batch's order
        }
    }

    private boolean wanted(SearchContext context, Architecture architecture) {
        return !config.inTargetOnly() || context.target().contains(context.costModel().cost(architecture));
    }

    /**
     * Settings of random search.
     *
     * @param inTargetOnly when true, only architectures whose cost is inside the target are trained
     * @param maxIdleDraws draws in a row without a new architecture to train after which the search
     *                     ends (default 100,000)
     */
    public record Config(boolean inTargetOnly, int maxIdleDraws) {
        public Config {
            if (maxIdleDraws < 1) {
                throw new IllegalArgumentException("maxIdleDraws (" + maxIdleDraws + ") must be positive. Maybe you "
                        + "meant 100000?");
            }
        }

        /** The whole space, 100,000 idle draws. */
        public static Config defaults() {
            return new Config(false, 100_000);
        }
    }
}
