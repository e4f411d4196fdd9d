package io.layernas.spaces.natsbench;

import io.layernas.api.Architecture;
import io.layernas.api.ConfigurationException;
import io.layernas.api.CostModel;
import io.layernas.api.NetworkSpace;
import io.layernas.api.SearchSpace;
import io.layernas.spaces.natsbench.internal.ExhaustiveCostModel;
import java.util.function.ToDoubleFunction;

/**
 * The analytic cost models of the NATS-Bench spaces: MFLOPs and millions of parameters, counted by
 * {@link NatsNetworkCost}. Each prices all architectures once (32768 or 15625, tens of
 * milliseconds) and answers cost ranges exactly by enumeration, so ranges are right although
 * topology-search costs are not monotone in the option index.
 */
public final class NatsCostModels {
    /** Unit of {@link #flops}. */
    public static final String MFLOPS = "MFLOPs";
    /** Unit of {@link #params}. */
    public static final String MPARAMS = "M params";

    private NatsCostModels() {
    }

    /** MFLOPs per image of the networks of {@code space} ({@code nats-sss}, {@code nats-tss}, {@code nats-tss-edges}). */
    public static CostModel flops(SearchSpace space) {
        NetworkSpace network = natsSpace(space, "nats-flops");
        return new ExhaustiveCostModel(space, count(network, true), MFLOPS);
    }

    /** Millions of parameters of the networks of {@code space} ({@code nats-sss}, {@code nats-tss}, {@code nats-tss-edges}). */
    public static CostModel params(SearchSpace space) {
        NetworkSpace network = natsSpace(space, "nats-params");
        return new ExhaustiveCostModel(space, count(network, false), MPARAMS);
    }

    private static ToDoubleFunction<Architecture> count(NetworkSpace space, boolean flops) {
        return architecture -> {
            NatsNetworkCost cost = NatsNetworkCost.of(space.network(architecture));
            return flops ? cost.flops() : cost.params();
        };
    }

    private static NetworkSpace natsSpace(SearchSpace space, String model) {
        if (space instanceof AbstractNatsSpace nats) {
            return nats;
        }
        throw new ConfigurationException("cost model '" + model + "' prices the spaces nats-sss, nats-tss and "
                + "nats-tss-edges, not '" + space.name() + "'. Use it with one of those, or pick a cost model for '"
                + space.name() + "'.");
    }
}
