package io.layernas.spaces.mobilenet;

import io.layernas.api.AbstractSearchSpace;
import io.layernas.api.Architecture;
import io.layernas.api.CostModel;
import io.layernas.api.DescribedSpace;
import io.layernas.api.InputShape;
import io.layernas.api.Layer;
import io.layernas.api.NetworkSpace;
import io.layernas.api.Op;
import io.layernas.api.OpCosts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A MobileNet search space: a fixed sequence of ops (stem, bottlenecks, head, classifier) whose
 * widths, kernels and expansions are chosen by the layers. Built by {@link SpaceBuilder}; the
 * paper's spaces come from {@link PaperSpaces}.
 *
 * <p>Every op depends on at most three layers (its input width, its own kernel/expansion and its
 * output width), which is what makes the cost models incremental and their ranges exact
 * ({@link NetworkCostModel}). Immutable and thread-safe.
 */
public final class MobileNetSpace extends AbstractSearchSpace implements NetworkSpace, DescribedSpace {
    private final InputShape input;
    private final List<Slot> slots;
    private final List<SpaceRow> rows;

    MobileNetSpace(String name, InputShape input, List<Layer> layers, List<Slot> slots, List<SpaceRow> rows) {
        super(name, layers);
        this.input = input;
        this.slots = List.copyOf(slots);
        this.rows = List.copyOf(rows);
    }

    @Override
    public InputShape input() {
        return input;
    }

    @Override
    public List<Op> network(Architecture architecture) {
        validate(architecture);
        List<Op> ops = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            ops.add(build(slot, architecture));
        }
        return ops;
    }

    /** The rows of this space's table, as the paper prints its search spaces. */
    public List<SpaceRow> rows() {
        return rows;
    }

    List<Slot> slots() {
        return slots;
    }

    static Op build(Slot slot, Architecture architecture) {
        return slot.build(choice(architecture, slot.inLayer()), choice(architecture, slot.ownLayer()),
                choice(architecture, slot.outLayer()));
    }

    private static int choice(Architecture architecture, int layer) {
        return layer < 0 ? 0 : architecture.choice(layer);
    }

    @Override
    public String toString() {
        return "MobileNetSpace[" + name() + ", " + layerCount() + " layers, input " + input + "]";
    }

    /** The paper's space table: a row per layer or fixed op, {@code |S|}, and the Table 1 counts. */
    @Override
    public String describeSpace() {
        return NetworkTable.describeSpace(this);
    }

    /** The paper's per-op table, with a latency column when {@code costs} is a per-op latency model (ms). */
    @Override
    public String describeNetwork(Architecture architecture, CostModel costs) {
        return NetworkTable.describe(this, architecture, latency(costs, architecture));
    }

    private static ToDoubleFunction<Op> latency(CostModel costs, Architecture architecture) {
        if (!(costs instanceof OpCosts perOp) || !"ms".equals(costs.unit())) {
            return null;
        }
        double[] ms = perOp.opCosts(architecture);
        int[] next = {0};
        // NetworkTable asks for the ops in network order, once each.
        return op -> ms[next[0]++];
    }
}
