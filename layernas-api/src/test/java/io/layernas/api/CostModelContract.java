package io.layernas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CostModel} must do: costs are finite and {@link CostModel#range} is exact,
 * checked against brute force over small windows of free layers.
 */
public abstract class CostModelContract {
    private final SearchSpace space;
    private final CostModel costModel;

    /** A contract test of {@code costModel} on {@code space}: the subclass's constructor passes both. */
    protected CostModelContract(SearchSpace space, CostModel costModel) {
        this.space = Objects.requireNonNull(space, "space");
        this.costModel = Objects.requireNonNull(costModel, "costModel");
    }

    /** The space the model prices. */
    protected final SearchSpace space() {
        return space;
    }

    /** The model under test. */
    protected final CostModel costModel() {
        return costModel;
    }

    /** Most architectures a brute-force window may enumerate. */
    protected int bruteForceLimit() {
        return 5_000;
    }

    @Test
    void costsAreFiniteAndNonNegative() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200; i++) {
            double cost = costModel().cost(random(random));
            assertThat(cost).isFinite().isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void rangeWithNoFreeLayerIsTheCost() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 50; i++) {
            Architecture architecture = random(random);
            int at = random.nextInt(space().layerCount() + 1);
            CostRange range = costModel().range(architecture, at, at);
            double cost = costModel().cost(architecture);
            assertThat(range.min()).isCloseTo(cost, within(1e-6 * Math.max(1, cost)));
            assertThat(range.max()).isCloseTo(cost, within(1e-6 * Math.max(1, cost)));
        }
    }

    @Test
    void rangeIsExactOverSmallWindows() {
        SplittableRandom random = new SplittableRandom(13);
        int checked = 0;
        for (int attempt = 0; attempt < 400 && checked < 60; attempt++) {
            Architecture architecture = random(random);
            int from = random.nextInt(space().layerCount());
            int to = from + 1 + random.nextInt(Math.min(3, space().layerCount() - from));
            double combinations = 1;
            for (int i = from; i < to; i++) {
                combinations *= space().layers().get(i).size();
            }
            if (combinations > bruteForceLimit()) {
                continue;
            }
            assertExact(architecture, from, to);
            checked++;
        }
        assertThat(checked).as("windows checked").isGreaterThan(10);
    }

    private void assertExact(Architecture architecture, int from, int to) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int[] choices = architecture.choices();
        for (int i = from; i < to; i++) {
            choices[i] = 0;
        }
        while (true) {
            double cost = costModel().cost(Architecture.of(choices));
            min = Math.min(min, cost);
            max = Math.max(max, cost);
            int i = to - 1;
            while (i >= from && ++choices[i] == space().layers().get(i).size()) {
                choices[i--] = 0;
            }
            if (i < from) {
                break;
            }
        }
        CostRange range = costModel().range(architecture, from, to);
        assertThat(range.min()).as("min over layers [%d, %d) of %s", from, to, architecture)
                .isCloseTo(min, within(1e-6 * Math.max(1, Math.abs(min))));
        assertThat(range.max()).as("max over layers [%d, %d) of %s", from, to, architecture)
                .isCloseTo(max, within(1e-6 * Math.max(1, Math.abs(max))));
    }

    private Architecture random(SplittableRandom random) {
        int[] choices = new int[space().layerCount()];
        for (int i = 0; i < choices.length; i++) {
            choices[i] = random.nextInt(space().layers().get(i).size());
        }
        return Architecture.of(choices);
    }
}
