package io.layernas.spaces.mobilenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.Architecture;
import io.layernas.api.InputShape;
import io.layernas.api.Layer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The paper's spaces against Table 1 and Appendix H (Tables 7 to 14). */
class PaperSpacesTest {
    private static final InputShape IN = PaperSpaces.IMAGENET;

    @Test
    void space60MMatchesTable1() {
        MobileNetSpace space = PaperSpaces.v3Small(IN);
        // Table 7's |S| column, row by row; the paper's L = 16 is one short of its own 17 rows.
        assertThat(sizes(space)).containsExactly(6, 7, 28, 28, 9, 36, 39, 39, 13, 27, 36, 13, 36, 36, 36, 2, 2);
        assertThat(sci(space.architectureCount())).isEqualTo("5.0e+20");
        assertThat(sci(300.0 * space.optionCount())).isEqualTo("1.2e+05");
    }

    @Test
    void space220MDiffersFromTable1OnlyByTheTwoDocumentedRows() {
        MobileNetSpace space = PaperSpaces.v3Large(IN);
        assertThat(sizes(space)).containsExactly(6, 6, 18, 33, 9, 33, 27, 27, 9, 30, 39, 36, 36, 10, 33, 33, 9, 33,
                33, 33, 7, 2);
        // Table 1 says 4.8e26 and L = 21: it leaves out block2.filters (printed without |S|, 6 options)
        // and counts block4.layer2 as 36 options although the table lists 13 widths x 3 kernels = 39.
        double paperProduct = space.architectureCount() / 6 / (39.0 / 36.0);
        assertThat(sci(paperProduct)).isEqualTo("4.8e+26");
        assertThat(space.layerCount() - 1).isEqualTo(21);
        assertThat(sci(space.architectureCount())).isEqualTo("3.1e+27");
        // The sum differs by 6 + 3 options, which Table 1's rounding hides.
        assertThat(sci(300.0 * space.optionCount())).isEqualTo("1.5e+05");
        assertThat(sci(300.0 * (space.optionCount() - 6 - 3))).isEqualTo("1.5e+05");
    }

    @Test
    void space300MMatchesTable1() {
        MobileNetSpace space = PaperSpaces.v2(IN);
        assertThat(space.layerCount()).isEqualTo(26);
        assertThat(sizes(space)).containsExactly(4, 7, 14, 20, 20, 8, 20, 24, 24, 24, 7, 24, 24, 24, 8, 24, 27, 27,
                27, 6, 24, 24, 24, 24, 7, 3);
        assertThat(sci(space.architectureCount())).isEqualTo("5.3e+30");
        assertThat(sci(300.0 * space.optionCount())).isEqualTo("1.4e+05");
    }

    @Test
    void space600MMatchesTable1WithFiveLayersInTheLastBlock() {
        MobileNetSpace space = PaperSpaces.v2x14(IN);
        assertThat(space.layerCount()).isEqualTo(31);
        assertThat(sci(space.architectureCount())).isEqualTo("1.6e+39");
        // Table 1 prints 2.0e+6; 300 x sum |S| = 300 x 669 = 200,700: the exponent is a typo.
        assertThat(space.optionCount()).isEqualTo(669);
        assertThat(sci(300.0 * space.optionCount())).isEqualTo("2.0e+05");
    }

    @Test
    void table8CostsWhatThePaperStates() {
        // Paper: 61M MAdds, 3.7M params (Table 2). Ours: 62.63M (+2.7%), 3.63M.
        assertCost(PaperSpaces.v3Small(IN), PaperModels.TABLE_8, 61e6, 0.03, 62_629_968L);
    }

    @Test
    void table10CostsWhatThePaperStates() {
        // Paper: 229M MAdds. Ours: 229.96M (+0.4%). Table 10 is an op list, not an architecture of the space.
        long madds = BaselinesTest.total(PaperModels.table10(IN), true);
        assertThat((double) madds).isCloseTo(229e6, within(229e6 * 0.005));
    }

    @Test
    void table12CostsWhatThePaperStates() {
        // Paper: 322M MAdds. Ours: 333.1M (+3.4%); with the head conv after pooling it would be 307.3M (-4.6%).
        assertCost(PaperSpaces.v2(IN), PaperModels.TABLE_12, 322e6, 0.035, 333_125_056L);
    }

    @Test
    void table14CostsWhatThePaperStates() {
        // Paper: 627M MAdds (Table 2 and Section 5.1; Table 6 prints 527M). Ours: 622.2M (-0.8%).
        assertCost(PaperSpaces.v2x14(IN), PaperModels.TABLE_14, 627e6, 0.01, 622_230_496L);
    }

    @Test
    void optionZeroIsTheLargestOfEveryLayer() {
        for (MobileNetSpace space : all()) {
            NetworkCostModel madds = NetworkCostModel.madds(space);
            NetworkCostModel params = NetworkCostModel.params(space);
            Architecture top = space.defaultArchitecture();
            for (int i = 0; i < space.layerCount(); i++) {
                assertThat(madds.range(top, i, i + 1).max()).as(space.layers().get(i).name())
                        .isEqualTo(madds.cost(top));
                assertThat(params.range(top, i, i + 1).max()).isEqualTo(params.cost(top));
            }
            assertThat(madds.range(top, 0, space.layerCount()).max()).isEqualTo(madds.cost(top));
        }
    }

    @Test
    void everySpaceCanReachItsTarget() {
        for (MobileNetSpace space : all()) {
            NetworkCostModel madds = NetworkCostModel.madds(space);
            double target = PaperSpaces.targetMadds(space.name());
            assertThat(madds.range(space.defaultArchitecture(), 0, space.layerCount()).contains(0.95 * target))
                    .as(space.name()).isTrue();
        }
    }

    @Test
    void blockFilterLayersAreVirtualAndSetTheWidthOfTheirBlock() {
        MobileNetSpace space = PaperSpaces.v3Small(IN);
        Layer filters = space.layers().get(1);
        assertThat(filters.name()).isEqualTo("block2.filters");
        assertThat(filters.virtual()).isTrue();
        Architecture a = space.parse(PaperModels.TABLE_8);
        assertThat(space.network(a).subList(2, 4)).allSatisfy(op -> assertThat(op.outChannels()).isEqualTo(28));
        assertThat(space.network(a).get(3).residual()).isTrue();
        assertThat(space.layers().get(2).options()).startsWith("k5e144", "k3e144", "k5e136");
    }

    @Test
    void opsChainAndFollowTheResolution() {
        for (MobileNetSpace space : all()) {
            var ops = space.network(space.defaultArchitecture());
            for (int i = 1; i < ops.size(); i++) {
                assertThat(ops.get(i).inChannels()).isEqualTo(ops.get(i - 1).outChannels());
                assertThat(ops.get(i).inputSize()).isEqualTo(ops.get(i - 1).outputSize());
            }
            assertThat(ops.get(ops.size() - 1).outChannels()).isEqualTo(1001);
        }
        MobileNetSpace at192 = PaperSpaces.v2(new InputShape(192, 3, 10));
        var ops = at192.network(at192.defaultArchitecture());
        assertThat(ops.get(ops.size() - 2).inputSize()).isEqualTo(6);
        assertThat(ops.get(ops.size() - 1).outChannels()).isEqualTo(10);
    }

    static List<MobileNetSpace> all() {
        return List.of(PaperSpaces.v3Small(IN), PaperSpaces.v3Large(IN), PaperSpaces.v2(IN), PaperSpaces.v2x14(IN));
    }

    private static void assertCost(MobileNetSpace space, String text, double paper, double tolerance, long exact) {
        Architecture a = space.parse(text);
        assertThat(space.format(a)).isEqualTo(text);
        double madds = NetworkCostModel.madds(space).cost(a);
        assertThat(madds).isCloseTo(paper, within(paper * tolerance));
        assertThat((long) madds).isEqualTo(exact);
        assertThat(madds).isEqualTo(BaselinesTest.total(space.network(a), true));
    }

    private static List<Integer> sizes(MobileNetSpace space) {
        return space.layers().stream().map(Layer::size).toList();
    }

    private static String sci(double value) {
        return String.format(Locale.ROOT, "%.1e", value);
    }
}
