package io.layernas.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void formatsNumbersForPeople() {
        assertThat(Numbers.format(57_000_000)).isEqualTo("5.7e7");
        assertThat(Numbers.format(0.912345)).isEqualTo("0.9123");
        assertThat(Numbers.format(12)).isEqualTo("12");
        assertThat(Numbers.format(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(Numbers.count(32768)).isEqualTo("32768");
    }
}
