package io.layernas.example.plugin;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.Architecture;
import io.layernas.api.CostModel;
import io.layernas.api.CostModelProvider;
import io.layernas.api.CostRange;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;

/**
 * {@code example-units}: the cost of layer {@code i} with option {@code s} is
 * {@code (i + 1) * (|S_i| - s)} units, summed over layers; so option 0 costs most. Works with
 * any space.
 */
public final class UnitsCostModelProvider extends AbstractPlugin implements CostModelProvider {
    /** For ServiceLoader. */
    public UnitsCostModelProvider() {
        super("example-units", "third-party example: (layer + 1) x (options - choice) units, summed");
    }

    @Override
    public CostModel create(SearchSpace space, Settings settings) {
        int[] sizes = space.layers().stream().mapToInt(io.layernas.api.Layer::size).toArray();
        return new Units(sizes);
    }

    /** The model; immutable. */
    private record Units(int[] sizes) implements CostModel {
        @Override
        public double cost(Architecture architecture) {
            return range(architecture, 0, 0).min();
        }

        @Override
        public CostRange range(Architecture architecture, int freeFrom, int freeTo) {
            double min = 0;
            double max = 0;
            for (int i = 0; i < sizes.length; i++) {
                boolean free = i >= freeFrom && i < freeTo;
                min += (i + 1) * (free ? 1 : sizes[i] - architecture.choice(i));
                max += (i + 1) * (free ? sizes[i] : sizes[i] - architecture.choice(i));
            }
            return new CostRange(min, max);
        }

        @Override
        public String unit() {
            return "units";
        }
    }
}
