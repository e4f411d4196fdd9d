package io.layernas.core.layernas;

import io.layernas.api.Budget;
import io.layernas.api.Trial;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntFunction;
import java.util.Set;

/**
 * LayerNAS's optional budget rule ({@code sizing: budget}; off in both presets): how many candidates a pass selects
 * ({@code R}) and how many children each generates ({@code T}), from the number of trainings the
 * budget allows. Up to {@value #SMALL_BUDGET} trainings it takes {@code R = }{@value
 * #SMALL_SELECTIONS}{@code , T = }{@value #SMALL_CHILDREN}: fewer parents, each varied more; above
 * it, the configured values (by default {@code R = 10, T = 5}). Not a default: on the NATS-Bench
 * topology tables it beat the defaults at 100 trainings but lost at 50, 120 and 150
 * (docs/comparison.md, "Sizing R and T to the budget").
 *
 * <p>A limit on trials is known up front. Under a limit on training seconds the number of
 * trainings is learnt from the trials: the limit divided by the mean training seconds of the
 * distinct trials seen so far. Until the trials tell (no trial yet, or none with training
 * seconds), the configured values are used; the rule decides once, and keeps its decision for the
 * rest of the run. It reads only the trials' recorded seconds and the budget in force after the
 * trials seen ({@link io.layernas.api.SearchContext#budgetAt}): a resumed run, which replays the
 * same trials under the budgets they were made under, decides the same, even when it was resumed
 * with a larger budget to extend it.
 *
 * <p>One object per run, used by the strategy's thread; not thread-safe.
 */
final class BudgetSizing {
    /** The most trainings a budget may allow for the small-budget values to apply. */
    static final long SMALL_BUDGET = 100;
    /** {@code R} for a small budget. */
    static final int SMALL_SELECTIONS = 5;
    /** {@code T} for a small budget. */
    static final int SMALL_CHILDREN = 10;

    /** The budget in force after a number of trials ({@link io.layernas.api.SearchContext#budgetAt}). */
    private final IntFunction<Budget> budgetAt;
    private final int selections;
    private final int children;
    private final boolean sized;
    private final boolean finish;
    private final Set<Integer> seen = new HashSet<>();
    private double seconds;
    private Boolean small;

    /**
     * The rule for {@code config} under the budget in force after a number of trials, {@code budgetAt}:
     * off unless {@code config.sizing()} is not {@code FIXED}.
     */
    BudgetSizing(LayerNas.Config config, IntFunction<Budget> budgetAt) {
        this.budgetAt = budgetAt;
        this.selections = config.selections();
        this.children = config.children();
        this.sized = config.sizing() == Sizing.BUDGET;
        this.finish = config.sizing() == Sizing.FINISH;
        decide();
    }

    /** Learns the training seconds of {@code trials} (each distinct trial once) and decides when it can. */
    void record(List<Trial> trials) {
        for (Trial trial : trials) {
            if (seen.add(trial.index())) {
                seconds += trial.trainingSeconds();
            }
        }
        decide();
    }

    /** {@code R}: candidates selected per pass over a layer. */
    int selections() {
        return Boolean.TRUE.equals(small) ? SMALL_SELECTIONS : selections;
    }

    /** {@code T}: children generated per selected candidate. */
    int children() {
        return Boolean.TRUE.equals(small) ? SMALL_CHILDREN : children;
    }

    /** True once the rule has decided (always, when it is off). */
    boolean decided() {
        return small != null;
    }

    /**
     * The trainings the budget allows, as far as the trials seen tell: the trial limit, or the
     * seconds limit over the mean seconds per trial if that is fewer; empty while unknown.
     */
    OptionalDouble expectedTrainings() {
        Budget budget = budgetAt.apply(seen.size());
        double byTrials = budget.maxEvaluations() == Long.MAX_VALUE ? Double.POSITIVE_INFINITY
                : budget.maxEvaluations();
        if (Double.isInfinite(budget.maxTrainingSeconds())) {
            return OptionalDouble.of(byTrials);
        }
        if (seconds <= 0) {
            return byTrials <= SMALL_BUDGET ? OptionalDouble.of(byTrials) : OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(byTrials, budget.maxTrainingSeconds() / (seconds / seen.size())));
    }

    /**
     * True when pass {@code pass} over {@code layer} (of {@code layers}) is skipped ({@code sizing:
     * finish}): not the first cycle over the layers, not the last layer, the last layer's latest
     * pass found candidates to expand, and the trainings left are known to be fewer than a pass's
     * {@code R·T}.
     */
    boolean skips(int layer, int pass, int layers, boolean lastLayerIdle) {
        if (!finish || pass == 0 || layer == layers - 1 || lastLayerIdle) {
            return false;
        }
        OptionalDouble left = remainingTrainings();
        return left.isPresent() && left.getAsDouble() < (double) selections() * children();
    }

    /** The trainings the budget has left, as far as the trials seen tell; empty while unknown. */
    OptionalDouble remainingTrainings() {
        Budget budget = budgetAt.apply(seen.size());
        double byTrials = budget.maxEvaluations() == Long.MAX_VALUE ? Double.POSITIVE_INFINITY
                : budget.maxEvaluations() - seen.size();
        if (Double.isInfinite(budget.maxTrainingSeconds())) {
            return OptionalDouble.of(byTrials);
        }
        if (seconds <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(byTrials, (budget.maxTrainingSeconds() - seconds) / (seconds / seen.size())));
    }

    private void decide() {
        if (small != null) {
            return;
        }
        if (!sized) {
            small = false;
            return;
        }
        OptionalDouble expected = expectedTrainings();
        if (expected.isPresent()) {
            small = expected.getAsDouble() <= SMALL_BUDGET;
        }
    }
}
