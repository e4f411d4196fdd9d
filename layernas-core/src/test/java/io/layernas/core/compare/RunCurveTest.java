package io.layernas.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.Metrics;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunCurveTest {
    private static Trial trial(int index, double cost, double valid, double test, double seconds) {
        return new Trial(index, Architecture.of(index), -1, -1, cost, TrialStatus.SUCCEEDED,
                new Metrics(valid, seconds, Map.of(Metrics.TEST_ACCURACY, test)), null, 0, 1);
    }

    private final TargetRange target = new TargetRange(10, 20);
    private final List<Trial> trials = List.of(
            trial(0, 30, 0.99, 0.99, 10),  // outside the target
            trial(1, 15, 0.80, 0.70, 10),
            new Trial(2, Architecture.of(2), -1, -1, 15, TrialStatus.FAILED, null, "boom", 0, 1),
            trial(3, 12, 0.85, 0.60, 20),  // better valid, worse test: its test is reported
            trial(4, 18, 0.85, 0.90, 5),   // a tie does not replace the earlier one
            trial(5, 11, 0.95, 0.95, 30)); // ends at 75 s

    @Test
    void followsTheBestInTargetValidAndTheTestOfThatModel() {
        RunCurve curve = RunCurve.of("s", 1, trials, target, Budget.unlimited(), Axis.TRAINING_SECONDS);
        assertThat(curve.time()).containsExactly(10, 20, 20, 40, 45, 75);
        assertThat(curve.valid()).containsExactly(Double.NaN, 0.80, 0.80, 0.85, 0.85, 0.95);
        assertThat(curve.test()).containsExactly(Double.NaN, 0.70, 0.70, 0.60, 0.60, 0.95);
        assertThat(curve.trainingSeconds()).isEqualTo(75);
        assertThat(curve.found()).isTrue();
    }

    @Test
    void aTrialEndingPastTheTimeBudgetDoesNotCount() {
        RunCurve curve = RunCurve.of("s", 1, trials, target, Budget.trainingSeconds(74), Axis.TRAINING_SECONDS);
        assertThat(curve.evaluations()).isEqualTo(5);
        assertThat(curve.last(Metric.VALID)).isEqualTo(0.85);
        assertThat(curve.last(Metric.TEST)).isEqualTo(0.60);
        assertThat(curve.trainingSeconds()).isEqualTo(45);
    }

    @Test
    void valuesAtATimeComeFromTheLastTrialFinishedByThen() {
        RunCurve curve = RunCurve.of("s", 1, trials, target, Budget.unlimited(), Axis.TRAINING_SECONDS);
        assertThat(curve.valueAt(Metric.VALID, 5)).isNaN();
        assertThat(curve.valueAt(Metric.VALID, 19.9)).isNaN();
        assertThat(curve.valueAt(Metric.VALID, 20)).isEqualTo(0.80);
        assertThat(curve.valueAt(Metric.TEST, 44)).isEqualTo(0.60);
        assertThat(curve.valueAt(Metric.VALID, 1e9)).isEqualTo(0.95);
    }

    @Test
    void onTheEvaluationAxisTimeCountsTrials() {
        RunCurve curve = RunCurve.of("s", 1, trials, target, Budget.unlimited(), Axis.EVALUATIONS);
        assertThat(curve.time()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void nothingInTheTargetIsNotFound() {
        RunCurve curve = RunCurve.of("s", 1, trials.subList(0, 1), target, Budget.unlimited(), Axis.TRAINING_SECONDS);
        assertThat(curve.found()).isFalse();
        assertThat(curve.last(Metric.VALID)).isNaN();
    }

    @Test
    void itsArraysCannotBeChangedFromOutside() {
        RunCurve curve = RunCurve.of("s", 1, trials, target, Budget.unlimited(), Axis.TRAINING_SECONDS);
        curve.valid()[5] = 0;
        assertThat(curve.last(Metric.VALID)).isEqualTo(0.95);
    }
}
