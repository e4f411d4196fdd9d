package io.layernas.spaces.mobilenet;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.CostModel;
import io.layernas.api.CostModelProvider;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;

/** {@code params}: parameters of a MobileNet network ({@link OpCounter}), unit params; no settings. */
public final class ParamsCostModelProvider extends AbstractPlugin implements CostModelProvider {
    /** For ServiceLoader. */
    public ParamsCostModelProvider() {
        super("params", "parameters of MobileNet networks, batch norm folded (params)");
    }

    @Override
    public CostModel create(SearchSpace space, Settings settings) {
        return NetworkCostModel.params(MobileNetSpaceProvider.require(space, name()));
    }
}
