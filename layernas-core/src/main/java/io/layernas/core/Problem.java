package io.layernas.core;

import io.layernas.api.Budget;
import io.layernas.api.CostModel;
import io.layernas.api.SearchSpace;
import io.layernas.api.TargetRange;
import java.util.Objects;

/**
 * What a search is asked to solve: the space, how cost is counted, the cost range the result must
 * land in and what the search may spend. One value, passed around whole (as Jenetics' {@code
 * Problem} bundles fitness and codec), so a run, a comparison of runs and the wiring that builds
 * them cannot disagree about any part. Immutable, thread-safe when its parts are.
 *
 * @param space     the space to search
 * @param costModel the cost of an architecture, in the unit of {@code target}
 * @param target    the cost range the best model must land in
 * @param budget    the most evaluations and training seconds a search may spend
 */
public record Problem(SearchSpace space, CostModel costModel, TargetRange target, Budget budget) {
    public Problem {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(costModel, "costModel");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(budget, "budget");
    }

    /** The space and cost model with no target and no budget. */
    public static Problem of(SearchSpace space, CostModel costModel) {
        return new Problem(space, costModel, TargetRange.unconstrained(), Budget.unlimited());
    }

    /** This problem with another target. */
    public Problem withTarget(TargetRange newTarget) {
        return new Problem(space, costModel, newTarget, budget);
    }

    /** This problem with another budget. */
    public Problem withBudget(Budget newBudget) {
        return new Problem(space, costModel, target, newBudget);
    }
}
