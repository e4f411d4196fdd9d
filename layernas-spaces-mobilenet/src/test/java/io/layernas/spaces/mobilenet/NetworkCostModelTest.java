package io.layernas.spaces.mobilenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.CostRange;
import io.layernas.api.InputShape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The incremental cost equals counting the network, and ranges are exact over any window. */
class NetworkCostModelTest {
    private final MobileNetSpace mini = PaperSpaces.mini(PaperSpaces.FASHION_MNIST);
    private final List<Architecture> all = mini.enumerate(100_000);

    @Test
    void cachedCostEqualsCountingTheNetwork() {
        SplittableRandom random = new SplittableRandom(3);
        for (MobileNetSpace space : PaperSpacesTest.all()) {
            NetworkCostModel madds = NetworkCostModel.madds(space);
            NetworkCostModel params = NetworkCostModel.params(space);
            for (int i = 0; i < 100; i++) {
                Architecture a = random(space, random);
                assertThat(madds.cost(a)).isEqualTo(BaselinesTest.total(space.network(a), true));
                assertThat(params.cost(a)).isEqualTo(BaselinesTest.total(space.network(a), false));
            }
        }
    }

    @Test
    void rangeIsExactOverEveryWindowOfTheMiniSpace() {
        NetworkCostModel madds = NetworkCostModel.madds(mini);
        SplittableRandom random = new SplittableRandom(5);
        int layers = mini.layerCount();
        for (int from = 0; from <= layers; from++) {
            for (int to = from; to <= layers; to++) {
                Architecture a = random(mini, random);
                assertThat(madds.range(a, from, to)).as("[%d, %d) of %s", from, to, a)
                        .isEqualTo(bruteForce(madds, a, from, to));
            }
        }
    }

    @Test
    void wholeSpaceRangeIsTheLeastAndGreatestArchitecture() {
        NetworkCostModel params = NetworkCostModel.params(mini);
        double min = all.stream().mapToDouble(params::cost).min().orElseThrow();
        double max = all.stream().mapToDouble(params::cost).max().orElseThrow();
        assertThat(params.range(mini.defaultArchitecture(), 0, mini.layerCount())).isEqualTo(new CostRange(min, max));
        assertThat(all).hasSize(20_736);
    }

    @Test
    void rejectsBadWindowsAndArchitectures() {
        NetworkCostModel madds = NetworkCostModel.madds(mini);
        assertThatThrownBy(() -> madds.range(mini.defaultArchitecture(), 3, 2))
                .hasMessageContaining("[3, 2)");
        assertThatThrownBy(() -> madds.cost(Architecture.defaults(3))).hasMessageContaining("layers");
    }

    @Test
    void miniNetworkIsExactlyAsDocumented() {
        var ops = mini.network(mini.defaultArchitecture());
        assertThat(ops).hasSize(8);
        assertThat(ops.get(0)).isEqualTo(Ops.conv(28, 1, 16, 3, 2, "relu"));
        assertThat(ops.get(1)).isEqualTo(Ops.bneck(14, 16, 64, 24, 5, 1, false, "relu"));
        assertThat(ops.get(7)).isEqualTo(Ops.dense(256, 10, "none"));
        assertThat(NetworkCostModel.params(mini).cost(mini.defaultArchitecture()))
                .isEqualTo(BaselinesTest.total(ops, false));
        // A trainer with batch norm counts 2 x 1,272 more trainable parameters than 62,522.
        assertThat(ops.stream().mapToLong(OpCounter::batchNormChannels).sum()).isEqualTo(16 + 152 + 232 + 232 + 384 + 256);
        assertThat(BaselinesTest.total(ops, false)).isEqualTo(62_522);
        MobileNetSpace rgb = PaperSpaces.mini(new InputShape(32, 3, 10));
        assertThat(rgb.network(rgb.defaultArchitecture()).get(0).inChannels()).isEqualTo(3);
    }

    private CostRange bruteForce(NetworkCostModel model, Architecture a, int from, int to) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Architecture other : all) {
            if (agreesOutside(a, other, from, to)) {
                double c = model.cost(other);
                min = Math.min(min, c);
                max = Math.max(max, c);
            }
        }
        return new CostRange(min, max);
    }

    private static boolean agreesOutside(Architecture a, Architecture b, int from, int to) {
        for (int i = 0; i < a.size(); i++) {
            if ((i < from || i >= to) && a.choice(i) != b.choice(i)) {
                return false;
            }
        }
        return true;
    }

    static Architecture random(io.layernas.api.SearchSpace space, SplittableRandom random) {
        int[] choices = new int[space.layerCount()];
        for (int i = 0; i < choices.length; i++) {
            choices[i] = random.nextInt(space.layers().get(i).size());
        }
        return Architecture.of(choices);
    }
}
