package io.layernas.spaces.natsbench;

import io.layernas.api.CostModel;
import io.layernas.api.CostModelProvider;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;

/** {@code nats-flops}: MFLOPs per image of a {@code nats-sss} or {@code nats-tss} network; no settings. */
public final class NatsFlopsProvider implements CostModelProvider {
    @Override
    public String name() {
        return "nats-flops";
    }

    @Override
    public String description() {
        return "MFLOPs of NATS-Bench networks, counted as NATS-Bench does (convolutions and linear layers)";
    }

    @Override
    public CostModel create(SearchSpace space, Settings settings) {
        return NatsCostModels.flops(space);
    }
}
