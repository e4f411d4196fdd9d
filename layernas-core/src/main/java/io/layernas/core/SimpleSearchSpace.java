package io.layernas.core;

import io.layernas.api.Layer;
import io.layernas.api.SearchSpace;
import java.util.List;
import java.util.Objects;

/**
 * A search space given by its layers, for spaces without a network behind them (examples,
 * tests, the paper's Appendix I burger). Immutable.
 *
 * @param name   the space's name
 * @param layers the layers
 */
public record SimpleSearchSpace(String name, List<Layer> layers) implements SearchSpace {
    public SimpleSearchSpace {
        Objects.requireNonNull(name, "name");
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("space '" + name + "' has no layers");
        }
    }
}
