package io.layernas.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.Layer;
import io.layernas.core.SimpleSearchSpace;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DrawsTest {
    private final SimpleSearchSpace space = new SimpleSearchSpace("t", List.of(
            new Layer("a", List.of("0", "1", "2")), new Layer("fixed", List.of("0")), new Layer("b", List.of("0", "1"))));

    @Test
    void aMutationChangesExactlyOneLayerThatHasAChoice() {
        SplittableRandom random = new SplittableRandom(1);
        int[] changedLayer = new int[3];
        int[][] newOption = new int[3][3];
        Architecture parent = Architecture.of(1, 0, 1);
        for (int i = 0; i < 3000; i++) {
            Architecture child = Draws.mutate(parent, space, random);
            assertThat(Runs.differingLayers(parent, child)).isEqualTo(1);
            for (int layer = 0; layer < 3; layer++) {
                if (child.choice(layer) != parent.choice(layer)) {
                    changedLayer[layer]++;
                    newOption[layer][child.choice(layer)]++;
                }
            }
        }
        assertThat(changedLayer[1]).isZero();
        assertThat(changedLayer[0]).isBetween(1300, 1700);
        assertThat(newOption[0][0]).isBetween(600, 900);
        assertThat(newOption[0][2]).isBetween(600, 900);
        assertThat(newOption[2][0]).isEqualTo(changedLayer[2]);
    }

    @Test
    void uniformDrawsReachEveryArchitectureAboutEquallyOften() {
        SplittableRandom random = new SplittableRandom(2);
        int[] counts = new int[6];
        for (int i = 0; i < 6000; i++) {
            Architecture a = Draws.uniform(space, random);
            counts[a.choice(0) * 2 + a.choice(2)]++;
        }
        assertThat(java.util.Arrays.stream(counts).boxed()).allSatisfy(c -> assertThat(c).isBetween(850, 1150));
    }

    @Test
    void aSpaceWithOneArchitectureCannotMutate() {
        SimpleSearchSpace single = new SimpleSearchSpace("one", List.of(new Layer("x", List.of("0"))));
        assertThat(Draws.mutate(Architecture.of(0), single, new SplittableRandom(3))).isEqualTo(Architecture.of(0));
    }
}
