package io.layernas.spaces.mobilenet;

import io.layernas.api.AbstractCostModelProvider;

/** {@code madds}: multiply-adds of a MobileNet network ({@link OpCounter}), unit MAdds; no settings. */
public final class MaddsCostModelProvider extends AbstractCostModelProvider {
    /** For ServiceLoader. */
    public MaddsCostModelProvider() {
        super("madds", "multiply-adds of MobileNet networks, model-zoo conventions (MAdds)",
                space -> NetworkCostModel.madds(MobileNetSpaceProvider.require(space, "madds")));
    }
}
