package io.layernas.api;

import java.util.Arrays;

/**
 * A cost that is the sum of independent per-layer option costs, {@code Σ Cost(s_i)} as in the
 * paper's Eq. 2. Ranges are exact: each free layer contributes its cheapest or dearest option.
 * A plugin whose cost is such a sum returns one from its {@link CostModelProvider} instead of
 * writing {@link #range} again. Immutable and thread-safe.
 */
public final class AdditiveCostModel implements CostModel {
    private final double[][] costs;
    private final double[] minOfLayer;
    private final double[] maxOfLayer;
    private final String unit;

    /**
     * @param costs {@code costs[layer][option]}
     * @param unit  the unit, e.g. {@code MAdds}
     */
    public AdditiveCostModel(double[][] costs, String unit) {
        this.costs = new double[costs.length][];
        this.minOfLayer = new double[costs.length];
        this.maxOfLayer = new double[costs.length];
        for (int i = 0; i < costs.length; i++) {
            this.costs[i] = costs[i].clone();
            minOfLayer[i] = Arrays.stream(costs[i]).min().orElseThrow();
            maxOfLayer[i] = Arrays.stream(costs[i]).max().orElseThrow();
        }
        this.unit = unit;
    }

    @Override
    public double cost(Architecture architecture) {
        double total = 0;
        for (int i = 0; i < costs.length; i++) {
            total += costs[i][architecture.choice(i)];
        }
        return total;
    }

    @Override
    public CostRange range(Architecture architecture, int freeFrom, int freeTo) {
        double min = 0;
        double max = 0;
        for (int i = 0; i < costs.length; i++) {
            boolean free = i >= freeFrom && i < freeTo;
            min += free ? minOfLayer[i] : costs[i][architecture.choice(i)];
            max += free ? maxOfLayer[i] : costs[i][architecture.choice(i)];
        }
        return new CostRange(min, max);
    }

    @Override
    public String unit() {
        return unit;
    }
}
