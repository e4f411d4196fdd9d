package io.layernas.spaces.natsbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.Layer;
import io.layernas.api.SearchSpaceContract;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NatsTopologySpaceTest extends SearchSpaceContract {
    private static final String ALL_CONV =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
    private final NatsTopologySpace space = new NatsTopologySpace(NatsDataset.CIFAR10);

    NatsTopologySpaceTest() {
        super(new NatsTopologySpace(NatsDataset.CIFAR10));
    }

    @Test
    void hasOneLayerPerTensorWith5And25And125Options() {
        assertThat(space.layers()).extracting(Layer::size).containsExactly(5, 25, 125);
        assertThat(space.architectureCount()).isEqualTo(15625);
        assertThat(space.format(space.defaultArchitecture()))
                .isEqualTo("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");
    }

    @Test
    void theSearchStartsFromTheTruncatedCell() {
        NatsTopologySpace space = new NatsTopologySpace(NatsDataset.CIFAR10);
        assertThat(space.format(space.searchStart()))
                .isEqualTo("|skip_connect~0|+|none~0|skip_connect~1|+|none~0|none~1|skip_connect~2|");
        assertThat(space.defaultArchitecture()).isEqualTo(io.layernas.api.Architecture.of(0, 0, 0));
    }

    @Test
    void readsAndWritesTheOfficialString() {
        Architecture architecture = space.parse(ALL_CONV);
        assertThat(architecture).isEqualTo(Architecture.of(3, 3 * 5 + 3, 3 * 25 + 3 * 5 + 3));
        assertThat(space.format(architecture)).isEqualTo(ALL_CONV);
        String mixed = "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|";
        assertThat(space.format(space.parse(mixed))).isEqualTo(mixed);
        assertThat(space.parse("4-11-56")).isEqualTo(space.parse(mixed));
        assertThatThrownBy(() -> space.parse("|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|"))
                .hasMessageContaining("conv~0").hasMessageContaining("nor_conv_3x3");
        assertThatThrownBy(() -> space.parse("|none~0|+|none~0|none~1|"))
                .hasMessageContaining("2 '+'-separated nodes");
    }

    @Test
    void everyCellOfTheReleasedTableParsesToADistinctArchitecture() throws IOException {
        Set<Architecture> seen = new HashSet<>();
        for (String arch : ReleasedTopologyTable.cells()) {
            Architecture architecture = space.parse(arch);
            assertThat(space.format(architecture)).isEqualTo(arch);
            seen.add(architecture);
        }
        assertThat(seen).hasSize(15625);
    }
}
