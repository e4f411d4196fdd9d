package io.layernas.spaces.natsbench;

import io.layernas.api.AbstractCostModelProvider;

/** {@code nats-params}: millions of parameters of a {@code nats-sss}, {@code nats-tss} or {@code nats-tss-edges} network; no settings. */
public final class NatsParamsProvider extends AbstractCostModelProvider {
    /** For ServiceLoader. */
    public NatsParamsProvider() {
        super("nats-params", "Millions of parameters of NATS-Bench networks, batch norm included as NATS-Bench "
                + "counts them", NatsCostModels::params);
    }
}
