package io.layernas.spaces.natsbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.Op;
import io.layernas.api.SearchSpaceContract;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NatsSizeSpaceTest extends SearchSpaceContract {
    private final NatsSizeSpace space = new NatsSizeSpace(NatsDataset.CIFAR10);

    NatsSizeSpaceTest() {
        super(new NatsSizeSpace(NatsDataset.CIFAR10));
    }

    @Test
    void defaultIsTheLargestModelAndOptionsShrink() {
        assertThat(space.architectureCount()).isEqualTo(32768);
        assertThat(space.format(space.defaultArchitecture())).isEqualTo("64:64:64:64:64");
        assertThat(space.layers().get(0).options()).containsExactly("64", "56", "48", "40", "32", "24", "16", "8");
        assertThat(space.format(Architecture.of(0, 2, 0, 5, 0))).isEqualTo("64:48:64:24:64");
        assertThat(space.parse("64:48:64:24:64")).isEqualTo(Architecture.of(0, 2, 0, 5, 0));
    }

    @Test
    void officialIndexFollowsTheNatsBenchFormula() {
        assertThat(space.officialIndex(space.parse("8:8:8:8:8"))).hasValue(0);
        assertThat(space.officialIndex(space.parse("64:64:64:64:64"))).hasValue(32767);
        assertThat(space.officialIndex(space.parse("8:8:8:16:40"))).hasValue(12);
        assertThat(space.officialIndex(space.parse("16:8:8:8:8"))).hasValue(4096);
        Set<Long> seen = new HashSet<>();
        for (Architecture architecture : space.enumerate(40_000)) {
            long index = space.officialIndex(architecture).getAsLong();
            assertThat(space.fromOfficialIndex(index)).isEqualTo(architecture);
            seen.add(index);
        }
        assertThat(seen).hasSize(32768);
        assertThatThrownBy(() -> space.fromOfficialIndex(32768)).hasMessageContaining("0..32767");
    }

    @Test
    void networkIsTheSizeSearchTinyNet() {
        List<Op> network = space.network(space.parse("16:24:32:40:48"));
        assertThat(network).extracting(Op::type).containsExactly(Op.OpType.CONV, Op.OpType.CELL,
                Op.OpType.RESIDUAL_BLOCK, Op.OpType.CELL, Op.OpType.RESIDUAL_BLOCK, Op.OpType.CELL,
                Op.OpType.GLOBAL_POOL, Op.OpType.DENSE);
        assertThat(network).extracting(Op::outChannels).containsExactly(16, 16, 24, 32, 40, 48, 48, 10);
        assertThat(network).extracting(Op::inputSize).containsExactly(32, 32, 32, 16, 16, 8, 8, 1);
        assertThat(network.get(3).inChannels()).isEqualTo(24);
        assertThat(network.get(1).detail()).isEqualTo(CellGenotype.SIZE_SEARCH_CELL.toString());
        assertThat(new NatsSizeSpace(NatsDataset.IMAGENET16_120).network(space.defaultArchitecture()).get(7).outChannels())
                .isEqualTo(120);
    }
}
