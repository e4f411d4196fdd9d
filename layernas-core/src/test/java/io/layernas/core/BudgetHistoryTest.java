package io.layernas.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Budget;
import io.layernas.core.BudgetHistory.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetHistoryTest {
    private static final Budget B100 = Budget.evaluations(100);
    private static final Budget B200 = Budget.evaluations(200);
    private static final Budget B300 = Budget.evaluations(300);

    @Test
    void eachTrialCountIsUnderTheBudgetOfTheLatestSegmentStartedByThen() {
        BudgetHistory history = BudgetHistory.of(B100).resumedWith(B200, 100).resumedWith(B300, 200);
        assertThat(history.segments()).containsExactly(new Segment(0, B100), new Segment(100, B200),
                new Segment(200, B300));
        assertThat(history.at(0)).isEqualTo(B100);
        assertThat(history.at(99)).isEqualTo(B100);
        assertThat(history.at(100)).isEqualTo(B200);
        assertThat(history.at(199)).isEqualTo(B200);
        assertThat(history.at(5_000)).isEqualTo(B300);
        assertThat(history.at(Integer.MAX_VALUE)).isEqualTo(B300);
    }

    @Test
    void resumingWithTheBudgetInForceChangesNothing() {
        BudgetHistory history = BudgetHistory.of(B100).resumedWith(B200, 100);
        assertThat(history.resumedWith(B200, 150)).isEqualTo(history);
        assertThat(BudgetHistory.of(B100).resumedWith(B100, 40)).isEqualTo(BudgetHistory.of(B100));
    }

    @Test
    void segmentsNoKeptTrialWasMadeUnderAreForgotten() {
        // Resumed with 200 after 100 trials, then cut back to 80 kept trials (failed ones retried): trial 80 on is
        // made under the newest budget, and the 200 never applied to a kept trial.
        BudgetHistory history = BudgetHistory.of(B100).resumedWith(B200, 100).resumedWith(B300, 80);
        assertThat(history.segments()).containsExactly(new Segment(0, B100), new Segment(80, B300));
        // A resume before any trial was kept starts the history again.
        assertThat(BudgetHistory.of(B100).resumedWith(B200, 0)).isEqualTo(BudgetHistory.of(B200));
        // Resumed at the very trial the newest segment starts from, with yet another budget: that one replaces it.
        assertThat(BudgetHistory.of(B100).resumedWith(B200, 100).resumedWith(B300, 100).segments())
                .containsExactly(new Segment(0, B100), new Segment(100, B300));
    }

    @Test
    void aHistoryStartsAtTrialZeroWithIncreasingSegments() {
        assertThatThrownBy(() -> new BudgetHistory(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BudgetHistory(List.of(new Segment(5, B100))))
                .hasMessageContaining("starts at trial 0");
        assertThatThrownBy(() -> new BudgetHistory(List.of(new Segment(0, B100), new Segment(0, B200))))
                .hasMessageContaining("increasing");
        assertThatThrownBy(() -> new Segment(-1, B100)).hasMessageContaining("fromTrial");
    }
}
