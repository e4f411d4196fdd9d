package io.layernas.spaces.natsbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.Architecture;
import io.layernas.api.ConfigurationException;
import io.layernas.api.CostModel;
import io.layernas.api.CostRange;
import io.layernas.api.Layer;
import io.layernas.api.SearchSpace;
import io.layernas.core.SimpleSearchSpace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published FLOPs and parameter counts of NATS-Bench networks (reference/README facts). */
class NatsCostFactsTest {
    private static final NatsSizeSpace SSS = new NatsSizeSpace(NatsDataset.CIFAR10);
    private static final NatsTopologySpace TSS = new NatsTopologySpace(NatsDataset.CIFAR10);

    @Test
    void allConv3x3TopologyCellIs220MflopsAnd1point53Mparams() {
        Architecture cell = TSS.parse(
                "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");
        NatsNetworkCost cost = NatsNetworkCost.of(TSS.network(cell));
        assertThat(cost.flops()).isCloseTo(220.12, within(0.005));
        assertThat(cost.params()).isCloseTo(1.53, within(0.005));
    }

    @Test
    void sizeSearchLargestSmallestAndIndex12() {
        NatsNetworkCost largest = NatsNetworkCost.of(SSS.network(SSS.parse("64:64:64:64:64")));
        assertThat(largest.flops()).isCloseTo(274.40, within(0.005));
        assertThat(largest.params()).isCloseTo(0.7137, within(0.00005));
        NatsSizeSpace imagenet = new NatsSizeSpace(NatsDataset.IMAGENET16_120);
        assertThat(NatsNetworkCost.of(imagenet.network(imagenet.defaultArchitecture())).flops()).isCloseTo(68.61, within(0.005));
        assertThat(NatsNetworkCost.of(SSS.network(SSS.parse("8:8:8:8:8"))).flops()).isCloseTo(4.481, within(0.0005));
        NatsNetworkCost index12 = NatsNetworkCost.of(SSS.network(SSS.fromOfficialIndex(12)));
        assertThat(index12.flops()).isCloseTo(7.991706, within(1e-6));
        assertThat(index12.params()).isCloseTo(0.067378, within(1e-6));
    }

    @Test
    void costModelsAgreeWithTheCounterAndRangesCoverTheWholeSpace() {
        CostModel flops = NatsCostModels.flops(SSS);
        assertThat(flops.unit()).isEqualTo("MFLOPs");
        CostRange all = flops.range(SSS.defaultArchitecture(), 0, 5);
        assertThat(all.max()).isCloseTo(274.40, within(0.005));
        assertThat(all.min()).isCloseTo(4.481, within(0.0005));
        // the paper's target, 50% of the largest model, lies inside the space
        assertThat(all.contains(137.2)).isTrue();
        assertThat(NatsCostModels.params(SSS).cost(SSS.fromOfficialIndex(12))).isCloseTo(0.067378, within(1e-6));
    }

    @Test
    void sizeSearchCostsShrinkWithEveryWidth() {
        CostModel flops = NatsCostModels.flops(SSS);
        CostModel params = NatsCostModels.params(SSS);
        for (Architecture architecture : SSS.enumerate(40_000)) {
            for (int layer = 0; layer < NatsSizeSpace.LAYERS; layer++) {
                int option = architecture.choice(layer);
                if (option + 1 < NatsSizeSpace.WIDTHS.size()) {
                    Architecture narrower = architecture.with(layer, option + 1);
                    assertThat(flops.cost(narrower)).isLessThan(flops.cost(architecture));
                    assertThat(params.cost(narrower)).isLessThan(params.cost(architecture));
                }
            }
        }
    }

    @Test
    void topologyFlopsAreNotMonotoneInTheOptionIndexYetRangesAreExact() {
        CostModel flops = NatsCostModels.flops(TSS);
        Architecture convFirst = TSS.parse("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|");
        Architecture poolFirst = TSS.parse("|avg_pool_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|");
        assertThat(flops.cost(poolFirst)).isLessThan(flops.cost(convFirst));
        assertThat(TSS.layers().get(0).indexOf("avg_pool_3x3~0")).isGreaterThan(TSS.layers().get(0).indexOf("nor_conv_3x3~0"));
        CostRange node1 = flops.range(TSS.defaultArchitecture(), 0, 1);
        assertThat(node1.max()).isEqualTo(flops.cost(convFirst));
        assertThat(node1.min()).isEqualTo(flops.cost(TSS.defaultArchitecture()));
    }

    @Test
    void costModelsRejectOtherSpaces() {
        SearchSpace other = new SimpleSearchSpace("toy", List.of(new Layer("a", List.of("x", "y"))));
        assertThatThrownBy(() -> new NatsFlopsProvider().create(other, io.layernas.api.Settings.empty("cost")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("nats-sss, nats-tss and nats-tss-edges").hasMessageContaining("'toy'");
    }
}
