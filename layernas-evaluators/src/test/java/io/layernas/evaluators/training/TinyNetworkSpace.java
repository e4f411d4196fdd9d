package io.layernas.evaluators.training;

import io.layernas.api.AbstractSearchSpace;
import io.layernas.api.Architecture;
import io.layernas.api.InputShape;
import io.layernas.api.Layer;
import io.layernas.api.NetworkSpace;
import io.layernas.api.Op.OpType;
import io.layernas.api.Op;
import java.util.List;

/** A four-architecture CNN space on 28x28x1 inputs, small enough to train in a test. */
final class TinyNetworkSpace extends AbstractSearchSpace implements NetworkSpace {
    private static final InputShape INPUT = new InputShape(28, 1, 10);

    TinyNetworkSpace() {
        super("tiny-cnn", List.of(new Layer("conv1.filters", List.of("8", "4")),
                new Layer("block.kernel", List.of("3", "5"))));
    }

    @Override
    public InputShape input() {
        return INPUT;
    }

    @Override
    public List<Op> network(Architecture architecture) {
        int filters = Integer.parseInt(layers().get(0).options().get(architecture.choice(0)));
        int kernel = Integer.parseInt(layers().get(1).options().get(architecture.choice(1)));
        return List.of(
                new Op(OpType.CONV, 28, 1, filters, 0, 3, 2, false, "relu", false, ""),
                new Op(OpType.BNECK, 14, filters, 16, 2 * filters, kernel, 2, false, "hswish", false, ""),
                new Op(OpType.BNECK, 7, 16, 16, 32, kernel, 1, true, "relu6", true, ""),
                new Op(OpType.GLOBAL_POOL, 7, 16, 16, 0, 7, 1, false, "none", false, ""),
                new Op(OpType.DENSE, 1, 16, 10, 0, 1, 1, false, "none", false, ""));
    }
}
