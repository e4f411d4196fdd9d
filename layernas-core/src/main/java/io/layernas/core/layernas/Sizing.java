package io.layernas.core.layernas;

/**
 * How the budget shapes LayerNAS's search ({@link LayerNas.Config#sizing()}, {@link BudgetSizing}).
 * With {@link #BUDGET} or {@link #FINISH} the trainings depend on the budget, so a run's trials are
 * no longer the first trials of the same run with a larger budget; such a run is extended by
 * resuming it with a larger budget and its {@link io.layernas.core.BudgetHistory}, which replays
 * the stored trials under the budget they were made under.
 */
public enum Sizing {
    /** R and T as configured, whatever the budget ({@code sizing: fixed}, the paper's preset). */
    FIXED,
    /**
     * R = 5, T = 10 when the budget allows at most {@value BudgetSizing#SMALL_BUDGET} trainings,
     * the configured R and T above ({@code sizing: budget}).
     */
    BUDGET,
    /**
     * R and T as configured, but once the budget left is less than a pass over a layer ({@code
     * R·T} trainings), the passes over the other layers are skipped, so the last trainings go to
     * the last layer ({@code sizing: finish}, the default).
     */
    FINISH
}
