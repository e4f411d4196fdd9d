package io.layernas.api;

import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link CostModelProvider} without settings whose model is a function of the space, so that a
 * provider says only its name, its description and that function:
 * {@code super("nats-flops", "MFLOPs of NATS-Bench networks", NatsCostModels::flops)}. The function
 * rejects a space it cannot price with a {@link ConfigurationException} saying which spaces it
 * prices. Immutable.
 */
public abstract class AbstractCostModelProvider extends AbstractPlugin implements CostModelProvider {
    private final Function<SearchSpace, CostModel> model;

    /**
     * @param name        the short name users write in the YAML
     * @param description one line saying what it is
     * @param model       the cost model of a space
     */
    protected AbstractCostModelProvider(String name, String description, Function<SearchSpace, CostModel> model) {
        super(name, description);
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public final CostModel create(SearchSpace space, Settings settings) {
        return model.apply(space);
    }
}
