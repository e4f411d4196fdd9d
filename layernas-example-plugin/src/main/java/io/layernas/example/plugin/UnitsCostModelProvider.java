package io.layernas.example.plugin;

import io.layernas.api.AbstractCostModelProvider;
import io.layernas.api.AdditiveCostModel;
import io.layernas.api.CostModel;
import io.layernas.api.SearchSpace;

/**
 * {@code example-units}: the cost of layer {@code i} with option {@code s} is
 * {@code (i + 1) * (|S_i| - s)} units, summed over layers; so option 0 costs most. Works with
 * any space. A sum of per-layer costs is an {@link AdditiveCostModel}, whose ranges are exact.
 */
public final class UnitsCostModelProvider extends AbstractCostModelProvider {
    /** For ServiceLoader. */
    public UnitsCostModelProvider() {
        super("example-units", "third-party example: (layer + 1) x (options - choice) units, summed",
                UnitsCostModelProvider::units);
    }

    private static CostModel units(SearchSpace space) {
        double[][] costs = new double[space.layerCount()][];
        for (int i = 0; i < costs.length; i++) {
            int size = space.layers().get(i).size();
            costs[i] = new double[size];
            for (int option = 0; option < size; option++) {
                costs[i][option] = (i + 1) * (size - option);
            }
        }
        return new AdditiveCostModel(costs, "units");
    }
}
