package io.layernas.spaces.mobilenet;

import io.layernas.api.AbstractCostModelProvider;

/** {@code params}: parameters of a MobileNet network ({@link OpCounter}), unit params; no settings. */
public final class ParamsCostModelProvider extends AbstractCostModelProvider {
    /** For ServiceLoader. */
    public ParamsCostModelProvider() {
        super("params", "parameters of MobileNet networks, batch norm folded (params)",
                space -> NetworkCostModel.params(MobileNetSpaceProvider.require(space, "params")));
    }
}
