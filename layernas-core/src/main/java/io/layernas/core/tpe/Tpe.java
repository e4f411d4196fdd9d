package io.layernas.core.tpe;

import io.layernas.api.Architecture;
import io.layernas.api.Candidate;
import io.layernas.api.SearchContext;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchStrategy;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The Tree-structured Parzen Estimator as Optuna's {@code TPESampler} does it for categorical
 * parameters, one parameter per layer, maximising the objective (validation accuracy).
 *
 * <p>The first {@code startupTrials} suggestions are uniform. After that, of the {@code n} trials
 * told so far the {@code gamma(n) = min(ceil(n/10), 25)} best form the "below" group and the rest
 * the "above" group; each group gives a {@link CategoricalParzen Parzen estimator} (per layer, or
 * over whole architectures when {@code multivariate}); {@code eiCandidates} draws from the below
 * estimator are scored by {@code log l(x) - log g(x)} and the best is suggested.
 *
 * <p>Counting as a study does: a suggestion trained before is told its known value again as a new
 * trial at no cost. Under a target, suggestions are drawn from the {@link Feasible feasible set}
 * less what was suggested already: a space of at most a million architectures is priced once and
 * the startup trials and the candidates come from its in-target ones, so nothing outside the
 * target is ever suggested and every suggestion trains a new architecture; in a larger space a
 * draw is retried a bounded number of times, and a suggestion still outside the target is not
 * trained but told as infeasible, with its distance to the target as the violation
 * (Optuna's {@code constraints_func}: infeasible trials fill the above group). The search ends with
 * the budget, after {@code maxIdleSuggestions} suggestions in a row that trained nothing, or when
 * every architecture of a listed feasible set has been suggested. Stateless: randomness comes from
 * {@code random("tpe")}.
 *
 * @param config the settings
 */
public record Tpe(Config config) implements SearchStrategy {
    @Override
    public void search(SearchContext context) {
        SplittableRandom random = context.random("tpe");
        TpeHistory history = new TpeHistory(sizes(context.space()));
        TargetRange target = context.target();
        Feasible feasible = Feasible.of(context.space(), context.costModel(), target);
        for (int idle = 0; !context.budgetExhausted() && idle < config.maxIdleSuggestions() && !exhausted(feasible); ) {
            Architecture next = suggest(context.space(), history, feasible, random);
            if (!feasible.contains(next.choices())) {
                history.add(next, 0, violation(target, context.costModel().cost(next)));
                idle++;
                continue;
            }
            Optional<Trial> known = context.find(next);
            Optional<Trial> trial = known.isPresent() ? known : context.evaluate(Candidate.of(next));
            idle = known.isPresent() ? idle + 1 : 0;
            feasible.suggested(next);
            trial.filter(Trial::succeeded).ifPresent(t -> history.add(next, -t.objective(), 0));
        }
    }

    private static int[] sizes(SearchSpace space) {
        return space.layers().stream().mapToInt(layer -> layer.size()).toArray();
    }

    /** True when every architecture of a listed feasible set has been suggested: nothing is left to train. */
    private static boolean exhausted(Feasible feasible) {
        return feasible.enumerated() && feasible.remaining() == 0;
    }

    private static double violation(TargetRange target, double cost) {
        return Math.max(0, target.low() - cost) + Math.max(0, cost - target.high());
    }

    /**
     * The next architecture to try given what was told: without a target (or under one every
     * architecture meets) Optuna's; under a target, a feasible one wherever it can be found
     * ({@link Feasible#uniform} for the startup trials, then {@link Expectation#constrained}).
     */
    Architecture suggest(SearchSpace space, TpeHistory history, Feasible feasible, SplittableRandom random) {
        int n = history.size();
        int layers = space.layerCount();
        if (n < config.startupTrials() && !feasible.all()) {
            return Architecture.of(feasible.uniform(random, Expectation.TRIES));
        }
        if (n < config.startupTrials()) {
            int[] choices = new int[layers];
            for (int layer = 0; layer < layers; layer++) {
                choices[layer] = random.nextInt(space.layers().get(layer).size());
            }
            return Architecture.of(choices);
        }
        int[] low = history.below(gamma(n));
        CategoricalParzen[] below = estimators(space, history, low);
        if (config.multivariate()) {
            CategoricalParzen[] above = estimators(space, history, history.above(low));
            return feasible.all() ? Expectation.joint(below, above, config.eiCandidates(), random)
                    : Expectation.constrained(Expectation.Density.joint(below), Expectation.Density.joint(above),
                            config.eiCandidates(), feasible, random);
        }
        // univariate: the above group enters only through its option probabilities, kept as counts
        double[][] above = history.aboveProbabilities(low, config.priorWeight());
        return feasible.all() ? Expectation.independent(below, above, config.eiCandidates(), random)
                : Expectation.constrained(Expectation.Density.independent(below),
                        Expectation.Density.independent(above), config.eiCandidates(), feasible, random);
    }

    /** Optuna's {@code default_gamma}: {@code min(ceil(0.1 n), 25)}. */
    static int gamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    /** Per layer, the Parzen estimator of the given trials' choices. */
    private CategoricalParzen[] estimators(SearchSpace space, TpeHistory history, int[] trials) {
        CategoricalParzen[] estimators = new CategoricalParzen[space.layerCount()];
        for (int layer = 0; layer < estimators.length; layer++) {
            int[] choices = new int[trials.length];
            for (int i = 0; i < trials.length; i++) {
                choices[i] = history.choice(trials[i], layer);
            }
            estimators[layer] = new CategoricalParzen(space.layers().get(layer).size(), choices, config.priorWeight());
        }
        return estimators;
    }

    /**
     * Settings of TPE; Optuna's defaults are {@link #defaults()}.
     *
     * @param startupTrials      uniform suggestions before the estimators are used ({@code n_startup_trials}, 10)
     * @param eiCandidates       draws from the below estimator scored per suggestion ({@code n_ei_candidates}, 24)
     * @param priorWeight        weight of the uniform prior kernel ({@code prior_weight}, 1.0)
     * @param multivariate       one estimator over whole architectures instead of one per layer
     *                           ({@code multivariate}, false)
     * @param maxIdleSuggestions suggestions in a row that trained nothing (known or outside the
     *                           target) after which the search ends (10,000)
     */
    public record Config(int startupTrials, int eiCandidates, double priorWeight, boolean multivariate,
                         int maxIdleSuggestions) {
        public Config {
            if (startupTrials < 0) {
                throw new IllegalArgumentException("startupTrials (" + startupTrials + ") must not be negative. "
                        + "Maybe you meant 10, Optuna's n_startup_trials?");
            }
            if (eiCandidates < 1) {
                throw new IllegalArgumentException("eiCandidates (" + eiCandidates + ") must be positive. "
                        + "Maybe you meant 24, Optuna's n_ei_candidates?");
            }
            if (!(priorWeight > 0) || Double.isInfinite(priorWeight)) {
                throw new IllegalArgumentException("priorWeight (" + priorWeight + ") must be a positive number. "
                        + "Maybe you meant 1.0, Optuna's prior_weight?");
            }
            if (maxIdleSuggestions < 1) {
                throw new IllegalArgumentException("maxIdleSuggestions (" + maxIdleSuggestions
                        + ") must be positive. Maybe you meant 10000?");
            }
        }

        /** Optuna's defaults: 10 startup trials, 24 candidates, prior weight 1, univariate; 10,000 idle suggestions. */
        public static Config defaults() {
            return new Config(10, 24, 1.0, false, 10_000);
        }
    }
}
