package io.layernas.spaces.natsbench;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.CostModel;
import io.layernas.api.CostModelProvider;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;

/** {@code nats-flops}: MFLOPs per image of a {@code nats-sss} or {@code nats-tss} network; no settings. */
public final class NatsFlopsProvider extends AbstractPlugin implements CostModelProvider {
    /** For ServiceLoader. */
    public NatsFlopsProvider() {
        super("nats-flops",
                "MFLOPs of NATS-Bench networks, counted as NATS-Bench does (convolutions and linear layers)");
    }

    @Override
    public CostModel create(SearchSpace space, Settings settings) {
        return NatsCostModels.flops(space);
    }
}
