package io.layernas.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void distanceCountsEdits() {
        assertThat(Names.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Names.distance("", "abc")).isEqualTo(3);
        assertThat(Names.distance("same", "same")).isZero();
    }

    @Test
    void suggestsOnlyCloseNames() {
        List<String> names = List.of("layernas", "layernas-dp", "random", "evolution");
        assertThat(Names.closest("layernass", names)).contains("layernas");
        assertThat(Names.closest("Random", names)).contains("random");
        assertThat(Names.closest("gradient-descent", names)).isEmpty();
    }
}
