package io.layernas.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.Architecture;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import org.junit.jupiter.api.Test;

class MnasRewardTest {
    private final MnasReward paper = MnasReward.of(new TargetRange(100, 140), MnasReward.PAPER_EXPONENT);

    @Test
    void theTargetIsTheHighBoundOfTheRange() {
        assertThat(paper.target()).isEqualTo(140);
        assertThat(paper.of(0.9, 140)).isEqualTo(0.9);
    }

    @Test
    void isAccuracyTimesCostOverTargetToTheExponent() {
        assertThat(paper.of(0.9, 280)).isCloseTo(0.9 * Math.pow(2, -0.07), within(1e-15));
        assertThat(paper.of(0.9, 70)).isCloseTo(0.9 * Math.pow(0.5, -0.07), within(1e-15));
        assertThat(paper.of(0.9, 70)).isGreaterThan(paper.of(0.9, 140)).isGreaterThan(paper.of(0.9, 280));
    }

    @Test
    void withoutAFiniteTargetOrAPositiveCostItIsTheAccuracy() {
        MnasReward unbounded = MnasReward.of(TargetRange.unconstrained(), -0.07);
        assertThat(unbounded.of(0.8, 50)).isEqualTo(0.8);
        assertThat(paper.of(0.8, 0)).isEqualTo(0.8);
        assertThat(new MnasReward(0, 140).of(0.8, 999)).isEqualTo(0.8);
    }

    @Test
    void aFailedTrialIsTheWorst() {
        Trial failed = new Trial(0, Architecture.of(0), -1, -1, 10, TrialStatus.FAILED, null, "boom", 0, 1);
        assertThat(paper.of(failed)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aNonFiniteExponentIsRejectedWithTheSettingName() {
        assertThatThrownBy(() -> new MnasReward(Double.NaN, 1)).hasMessageContaining("mnasExponent")
                .hasMessageContaining("-0.07");
    }
}
