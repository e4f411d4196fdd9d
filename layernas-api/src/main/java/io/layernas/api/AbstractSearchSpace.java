package io.layernas.api;

import java.util.List;
import java.util.Objects;

/**
 * A {@link SearchSpace} with a fixed name and fixed layers, so that a space says only what it adds
 * (its network, its text form, its search start, its benchmark keys). The layers are copied.
 * Immutable; thread-safe as far as the subclass is.
 */
public abstract class AbstractSearchSpace implements SearchSpace {
    private final String name;
    private final List<Layer> layers;

    /**
     * @param name   the space's short name
     * @param layers its layers, in search order
     */
    protected AbstractSearchSpace(String name, List<Layer> layers) {
        this.name = Objects.requireNonNull(name, "name");
        this.layers = List.copyOf(layers);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<Layer> layers() {
        return layers;
    }
}
