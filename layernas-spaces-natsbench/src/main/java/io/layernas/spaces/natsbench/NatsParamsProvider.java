package io.layernas.spaces.natsbench;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.CostModel;
import io.layernas.api.CostModelProvider;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;

/** {@code nats-params}: millions of parameters of a {@code nats-sss} or {@code nats-tss} network; no settings. */
public final class NatsParamsProvider extends AbstractPlugin implements CostModelProvider {
    /** For ServiceLoader. */
    public NatsParamsProvider() {
        super("nats-params",
                "Millions of parameters of NATS-Bench networks, batch norm included as NATS-Bench counts them");
    }

    @Override
    public CostModel create(SearchSpace space, Settings settings) {
        return NatsCostModels.params(space);
    }
}
