package io.layernas.spaces.natsbench;

import io.layernas.api.AbstractCostModelProvider;

/** {@code nats-flops}: MFLOPs per image of a {@code nats-sss}, {@code nats-tss} or {@code nats-tss-edges} network; no settings. */
public final class NatsFlopsProvider extends AbstractCostModelProvider {
    /** For ServiceLoader. */
    public NatsFlopsProvider() {
        super("nats-flops", "MFLOPs of NATS-Bench networks, counted as NATS-Bench does (convolutions and linear "
                + "layers)", NatsCostModels::flops);
    }
}
