package io.layernas.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What provenance and messages print for budgets and targets: words, not Long.MAX_VALUE and infinities. */
class BudgetTest {
    @Test
    void anUnlimitedBudgetReadsUnlimited() {
        assertThat(Budget.unlimited()).hasToString("unlimited trials, unlimited training seconds");
        assertThat(Budget.evaluations(300)).hasToString("300 trials, unlimited training seconds");
        assertThat(Budget.trainingSeconds(1e5)).hasToString("unlimited trials, 100000 training seconds");
        assertThat(new Budget(5, 1.5)).hasToString("5 trials, 1.5 training seconds");
    }

    @Test
    void noTargetReadsNone() {
        assertThat(TargetRange.unconstrained()).hasToString("none (any cost)");
        assertThat(TargetRange.unconstrained().isUnconstrained()).isTrue();
        assertThat(new TargetRange(100, 110)).hasToString("[100.0, 110.0]");
        assertThat(new TargetRange(0, Double.POSITIVE_INFINITY).isUnconstrained()).isFalse();
    }
}
