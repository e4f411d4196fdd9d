package io.layernas.core.layernas;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Settings of Algorithm 1 that the machine cannot hold are refused before any table is allocated. */
class LayerNasConfigTest {
    private static final long GIGABYTE = 1L << 30;

    @Test
    void memoTablesMustFitInAnEighthOfTheHeap() {
        assertThatCode(() -> LayerNas.Config.fitsInMemory(100, 3, GIGABYTE)).doesNotThrowAnyException();
        assertThatCode(() -> LayerNas.Config.fitsInMemory(1000, 1000, GIGABYTE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> LayerNas.Config.fitsInMemory(Integer.MAX_VALUE, 3, 16 * GIGABYTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bucketCount (2147483647) with perBucket (3) needs up to 720896 MB per layer")
                .hasMessageContaining("more than an eighth of the 16384 MB this JVM may use");
        assertThatThrownBy(() -> LayerNas.Config.fitsInMemory(100, 1_000_000_000, 16 * GIGABYTE))
                .hasMessageStartingWith("perBucket (1000000000) with bucketCount (100) needs up to");
        assertThatThrownBy(() -> new LayerNas.Config(100, Integer.MAX_VALUE, 10, 5, LayerNas.Policy.RANDOM, false))
                .hasMessageStartingWith("perBucket (2147483647) with bucketCount (100)");
    }
}
