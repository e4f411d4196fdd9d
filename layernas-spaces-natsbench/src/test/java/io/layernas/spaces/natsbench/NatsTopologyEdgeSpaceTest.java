package io.layernas.spaces.natsbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.ConfigurationException;
import io.layernas.api.CostModel;
import io.layernas.api.CostRange;
import io.layernas.api.Layer;
import io.layernas.api.SearchSpaceContract;
import io.layernas.api.Settings;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NatsTopologyEdgeSpaceTest extends SearchSpaceContract {
    private static final List<CellEdge> CHAIN_FIRST = List.of(CellEdge.parse("1<-0"), CellEdge.parse("2<-1"),
            CellEdge.parse("3<-2"), CellEdge.parse("2<-0"), CellEdge.parse("3<-0"), CellEdge.parse("3<-1"));
    private final NatsTopologySpace nodes = new NatsTopologySpace(NatsDataset.CIFAR10);
    private final NatsTopologyEdgeSpace edges = new NatsTopologyEdgeSpace(NatsDataset.CIFAR10);

    NatsTopologyEdgeSpaceTest() {
        super(new NatsTopologyEdgeSpace(NatsDataset.CIFAR10));
    }

    @Test
    void hasOneLayerOfFiveOperationsPerEdge() {
        assertThat(edges.layers()).extracting(Layer::name)
                .containsExactly("edge1<-0", "edge2<-0", "edge2<-1", "edge3<-0", "edge3<-1", "edge3<-2");
        assertThat(edges.layers()).allSatisfy(layer -> assertThat(layer.options()).isEqualTo(CellGenotype.OPERATIONS));
        assertThat(edges.architectureCount()).isEqualTo(15625);
        assertThat(edges.format(edges.defaultArchitecture()))
                .isEqualTo("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");
    }

    @Test
    void isABijectionOntoTheNodeEncodingsCellsWithTheSameKeys() {
        for (NatsTopologyEdgeSpace space : List.of(edges, new NatsTopologyEdgeSpace(NatsDataset.CIFAR10, CHAIN_FIRST))) {
            Set<Architecture> images = new HashSet<>();
            for (Architecture architecture : space.enumerate(20_000)) {
                Architecture cell = space.toNodes(architecture);
                images.add(cell);
                assertThat(space.tableKey(architecture)).isEqualTo(nodes.tableKey(cell)).isEqualTo(space.format(architecture));
                assertThat(space.genotype(architecture)).isEqualTo(nodes.genotype(cell));
                assertThat(space.fromNodes(cell)).isEqualTo(architecture);
                assertThat(space.parse(space.format(architecture))).isEqualTo(architecture);
            }
            assertThat(images).hasSize(15625);
        }
    }

    @Test
    void layerIChoosesTheOperationOfTheIthEdgeOfTheOrder() {
        String cell = "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|";
        assertThat(edges.parse(cell)).isEqualTo(Architecture.of(3, 1, 2, 4, 0, 3));
        assertThat(edges.parse("3-1-2-4-0-3")).isEqualTo(edges.parse(cell));
        assertThat(edges.parse("nor_conv_3x3:skip_connect:nor_conv_1x1:avg_pool_3x3:none:nor_conv_3x3"))
                .isEqualTo(edges.parse(cell));
        NatsTopologyEdgeSpace chainFirst = new NatsTopologyEdgeSpace(NatsDataset.CIFAR10, CHAIN_FIRST);
        assertThat(chainFirst.parse(cell)).isEqualTo(Architecture.of(3, 2, 3, 1, 4, 0));
        assertThat(chainFirst.layers().get(1).name()).isEqualTo("edge2<-1");
    }

    @Test
    void costsEqualTheNodeEncodingsForEveryCell() {
        for (NatsDataset dataset : List.of(NatsDataset.CIFAR10, NatsDataset.IMAGENET16_120)) {
            NatsTopologySpace nodeSpace = new NatsTopologySpace(dataset);
            NatsTopologyEdgeSpace edgeSpace = new NatsTopologyEdgeSpace(dataset, CHAIN_FIRST);
            CostModel nodeFlops = NatsCostModels.flops(nodeSpace);
            CostModel edgeFlops = NatsCostModels.flops(edgeSpace);
            CostModel nodeParams = NatsCostModels.params(nodeSpace);
            CostModel edgeParams = NatsCostModels.params(edgeSpace);
            for (Architecture architecture : edgeSpace.enumerate(20_000)) {
                Architecture cell = edgeSpace.toNodes(architecture);
                assertThat(edgeFlops.cost(architecture)).isEqualTo(nodeFlops.cost(cell));
                assertThat(edgeParams.cost(architecture)).isEqualTo(nodeParams.cost(cell));
            }
        }
        assertThat(NatsCostModels.flops(edges).cost(edges.parse(
                "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|")))
                .isCloseTo(220.12, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void rangesOverEveryFreeSuffixAreExactAgainstTheNodeEncodingsCosts() {
        CostModel nodeFlops = NatsCostModels.flops(nodes);
        for (NatsTopologyEdgeSpace space : List.of(edges, new NatsTopologyEdgeSpace(NatsDataset.CIFAR10, CHAIN_FIRST))) {
            CostModel flops = NatsCostModels.flops(space);
            List<Architecture> all = space.enumerate(20_000);
            SplittableRandom random = new SplittableRandom(5);
            for (int i = 0; i < 40; i++) {
                Architecture architecture = all.get(random.nextInt(all.size()));
                int from = random.nextInt(space.layerCount() + 1);
                int to = from + random.nextInt(space.layerCount() - from + 1);
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (Architecture other : all) {
                    if (agreesOutside(architecture, other, from, to)) {
                        double cost = nodeFlops.cost(space.toNodes(other));
                        min = Math.min(min, cost);
                        max = Math.max(max, cost);
                    }
                }
                assertThat(flops.range(architecture, from, to)).as("%s free [%d, %d)", architecture, from, to)
                        .isEqualTo(new CostRange(min, max));
            }
        }
    }

    @Test
    void theSearchStartsFromNodeEncodingsTruncatedCellInAnyOrder() {
        String chainOfSkips = "|skip_connect~0|+|none~0|skip_connect~1|+|none~0|none~1|skip_connect~2|";
        assertThat(edges.searchStart()).isEqualTo(Architecture.of(1, 0, 1, 0, 0, 1));
        assertThat(edges.format(edges.searchStart())).isEqualTo(chainOfSkips);
        assertThat(edges.toNodes(edges.searchStart())).isEqualTo(nodes.searchStart());
        NatsTopologyEdgeSpace chainFirst = new NatsTopologyEdgeSpace(NatsDataset.CIFAR10, CHAIN_FIRST);
        assertThat(chainFirst.searchStart()).isEqualTo(Architecture.of(1, 1, 1, 0, 0, 0));
        assertThat(chainFirst.format(chainFirst.searchStart())).isEqualTo(chainOfSkips);
        assertThat(edges.defaultArchitecture()).isEqualTo(Architecture.of(0, 0, 0, 0, 0, 0));
    }

    @Test
    void anOrderThatIsNotTheSixEdgesIsRejectedNamingTheKey() {
        NatsTopologyEdgeSpaceProvider provider = new NatsTopologyEdgeSpaceProvider();
        assertThatThrownBy(() -> provider.create(Settings.of("space", Map.of("order", "1<-0,2<-0,2<-1,3<-0,3<-1,3<-1"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("space.order (1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-1) must list the six edges")
                .hasMessageContaining("[1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2]");
        assertThatThrownBy(() -> provider.create(Settings.of("space", Map.of("order", "1<-0,2<-0,2<-1,3<-0,3<-1,4<-2"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("4<-2 is not an edge of the cell");
        assertThatThrownBy(() -> provider.create(Settings.of("space", Map.of("order", "1-0"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'1-0' is not an edge; write node<-from");
        NatsTopologyEdgeSpace custom = (NatsTopologyEdgeSpace) provider.create(Settings.of("space",
                Map.of("dataset", "cifar100", "order", List.of("1<-0", "2<-1", "3<-2", "2<-0", "3<-0", "3<-1"))));
        assertThat(custom.order()).isEqualTo(CHAIN_FIRST);
        assertThat(custom.input().classes()).isEqualTo(100);
    }

    @Test
    void everyCellOfTheReleasedTableParsesToADistinctArchitecture() throws IOException {
        Set<Architecture> seen = new HashSet<>();
        for (String arch : ReleasedTopologyTable.cells()) {
            Architecture architecture = edges.parse(arch);
            assertThat(edges.tableKey(architecture)).isEqualTo(arch);
            seen.add(architecture);
        }
        assertThat(seen).hasSize(15625);
    }

    private static boolean agreesOutside(Architecture a, Architecture b, int from, int to) {
        for (int i = 0; i < a.size(); i++) {
            if ((i < from || i >= to) && a.choice(i) != b.choice(i)) {
                return false;
            }
        }
        return true;
    }
}
