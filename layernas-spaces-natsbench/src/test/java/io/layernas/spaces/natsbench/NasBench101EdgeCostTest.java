package io.layernas.spaces.natsbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.CostModelContract;
import io.layernas.api.CostRange;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NasBench101EdgeCostTest extends CostModelContract {
    private static final NasBench101Space SPACE = new NasBench101Space();
    private static final NasBench101EdgeCost MODEL = new NasBench101EdgeCost(SPACE);

    NasBench101EdgeCostTest() {
        super(SPACE, MODEL);
    }

    @Override
    protected int bruteForceLimit() {
        return 85 * 85;
    }

    @Test
    void rangesOfTheLayerNasWindowsMatchEnumeration() {
        // the layer ranges LayerNAS asks for: prefix windows with every later step 'keep'
        assertThat(MODEL.range(SPACE.defaultArchitecture(), 0, 1)).isEqualTo(new CostRange(1, 2));
        assertThat(MODEL.range(SPACE.defaultArchitecture(), 0, 2)).isEqualTo(enumerate(SPACE.defaultArchitecture(), 0))
                .isEqualTo(new CostRange(1, 4));
        assertThat(MODEL.range(SPACE.defaultArchitecture(), 0, 8)).isEqualTo(new CostRange(1, 9));
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            int from = 6;
            int[] choices = new int[8];
            for (int i = 0; i < from; i++) {
                choices[i] = random.nextInt(85);
            }
            Architecture prefix = Architecture.of(choices);
            CostRange expected = enumerate(prefix, from);
            assertThat(MODEL.range(prefix, from, 8)).as("suffix of %s", prefix).isEqualTo(expected);
        }
    }

    private static CostRange enumerate(Architecture prefix, int from) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < 85; a++) {
            for (int b = 0; b < 85; b++) {
                double cost = MODEL.cost(prefix.with(from, a).with(from + 1, b));
                min = Math.min(min, cost);
                max = Math.max(max, cost);
            }
        }
        return new CostRange(min, max);
    }
}
