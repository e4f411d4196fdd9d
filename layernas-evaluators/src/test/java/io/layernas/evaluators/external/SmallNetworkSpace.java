package io.layernas.evaluators.external;

import io.layernas.api.AbstractSearchSpace;
import io.layernas.api.Architecture;
import io.layernas.api.InputShape;
import io.layernas.api.Layer;
import io.layernas.api.NetworkSpace;
import io.layernas.api.Op.OpType;
import io.layernas.api.Op;
import java.util.List;

/** A two-layer space whose networks have three ops. */
final class SmallNetworkSpace extends AbstractSearchSpace implements NetworkSpace {

    SmallNetworkSpace() {
        super("small", List.of(new Layer("conv.filters", List.of("16", "8")),
                new Layer("conv.kernel", List.of("3", "5"))));
    }

    @Override
    public InputShape input() {
        return new InputShape(28, 1, 10);
    }

    @Override
    public List<Op> network(Architecture architecture) {
        int filters = Integer.parseInt(layers().get(0).options().get(architecture.choice(0)));
        int kernel = Integer.parseInt(layers().get(1).options().get(architecture.choice(1)));
        return List.of(new Op(OpType.CONV, 28, 1, filters, 0, kernel, 2, false, "relu", false, ""),
                new Op(OpType.GLOBAL_POOL, 14, filters, filters, 0, 14, 1, false, "none", false, ""),
                new Op(OpType.DENSE, 1, filters, 10, 0, 1, 1, false, "none", false, "say \"hi\""));
    }
}
