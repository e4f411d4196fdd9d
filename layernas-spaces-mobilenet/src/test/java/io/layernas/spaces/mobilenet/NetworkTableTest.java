package io.layernas.spaces.mobilenet;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-layer tables the CLI prints. */
class NetworkTableTest {

    @Test
    void networkTableHasARowPerOpAndTheTotals() {
        List<Op> v2 = Baselines.mobileNetV2(1.0, PaperSpaces.IMAGENET);
        String text = NetworkTable.format(v2);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(v2.size() + 2);
        assertThat(lines.get(0)).startsWith("#").contains("input", "operator", "filters", "expanded", "stride",
                "MAdds", "params").doesNotContain("latency");
        assertThat(lines.get(1)).contains("224x224x3", "conv2d 3x3", "32", "10,838,016", "864");
        assertThat(lines.get(lines.size() - 1)).contains("total", "300,775,552", "3,472,041");
    }

    @Test
    void architectureTableNamesTheLayersAndShowsLatency() {
        MobileNetSpace space = PaperSpaces.v3Small(PaperSpaces.IMAGENET);
        String text = NetworkTable.describe(space, space.parse(PaperModels.TABLE_8), op -> 1.0);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo(PaperModels.TABLE_8);
        assertThat(text).contains("block2.layer1", "56x56x16", "bneck 3x3", "144", "head.dense", "latency ms",
                "62,629,968", "16.000");
    }

    @Test
    void builderRefusesABottleneckWithoutABlockWidth() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpaceBuilder("x", PaperSpaces.IMAGENET, "relu", false)
                .stem(3, 16, 2).bneck("b", new int[] {3}, new int[] {32}, 1))
                .hasMessageContaining("blockFilters");
    }

    @Test
    void spaceTableListsTheRowsAndTheTable1Counts() {
        String text = NetworkTable.describeSpace(PaperSpaces.v3Small(PaperSpaces.IMAGENET));
        assertThat(text).contains("block2.filters", "block filter", "{36, 32, 28, 24, 20, 18, 16}",
                "bneck {3x3, 5x5}", "28", "head.conv", "{864, 576}", "unique architectures (prod |S|): 4.97e+20",
                "sum |S| = 393", "1.18e+05");
    }
}
