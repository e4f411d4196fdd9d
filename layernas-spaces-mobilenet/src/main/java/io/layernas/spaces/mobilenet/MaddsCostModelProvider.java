package io.layernas.spaces.mobilenet;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.CostModel;
import io.layernas.api.CostModelProvider;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;

/** {@code madds}: multiply-adds of a MobileNet network ({@link OpCounter}), unit MAdds; no settings. */
public final class MaddsCostModelProvider extends AbstractPlugin implements CostModelProvider {
    /** For ServiceLoader. */
    public MaddsCostModelProvider() {
        super("madds", "multiply-adds of MobileNet networks, model-zoo conventions (MAdds)");
    }

    @Override
    public CostModel create(SearchSpace space, Settings settings) {
        return NetworkCostModel.madds(MobileNetSpaceProvider.require(space, name()));
    }
}
