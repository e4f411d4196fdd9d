package io.layernas.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void quantilesInterpolateLinearlyAsNumpy() {
        double[] values = {4, 1, 3, 2};
        assertThat(Stats.quantile(values, 0.25)).isEqualTo(1.75);
        assertThat(Stats.quantile(values, 0.75)).isEqualTo(3.25);
        assertThat(Stats.quantile(values, 0.5)).isEqualTo(2.5);
        assertThat(Stats.quantile(new double[] {7}, 0.25)).isEqualTo(7);
        assertThat(Stats.quantile(new double[] {1, 2, 3, 4, 10}, 0.75)).isEqualTo(4);
        assertThat(values).containsExactly(4, 1, 3, 2);
    }

    @Test
    void theStandardDeviationDividesByN() {
        assertThat(Stats.std(new double[] {1, 3})).isEqualTo(1.0);
        assertThat(Stats.std(new double[] {2, 4, 4, 4, 5, 5, 7, 9})).isCloseTo(2.0, within(1e-15));
    }

    @Test
    void noSamplesGiveNaN() {
        assertThat(Stats.mean(new double[0])).isNaN();
        assertThat(Stats.std(new double[0])).isNaN();
        assertThat(Stats.quantile(new double[0], 0.5)).isNaN();
        assertThat(Stats.present(new double[] {Double.NaN, 1, Double.NaN})).containsExactly(1);
    }
}
