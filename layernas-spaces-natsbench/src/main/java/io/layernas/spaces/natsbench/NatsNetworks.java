package io.layernas.spaces.natsbench;

import io.layernas.api.InputShape;
import io.layernas.api.Op;
import io.layernas.api.Op.OpType;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the NATS-Bench networks as lists of {@link Op}s, the structure of NATS-Bench's
 * {@code TinyNetwork} (topology search) and {@code DynamicShapeTinyNet} (size search):
 * <ol>
 *   <li>a stem: 3x3 convolution and batch norm ({@link OpType#CONV}, activation {@code none});</li>
 *   <li>three stages of {@code N} cells ({@link OpType#CELL}, genotype in {@link Op#detail()}),
 *       separated by two ResNet basic blocks with stride 2 ({@link OpType#RESIDUAL_BLOCK});</li>
 *   <li>batch norm and ReLU, then global average pooling ({@link OpType#GLOBAL_POOL}, whose
 *       detail says so, because the batch norm has parameters);</li>
 *   <li>a linear classifier with bias ({@link OpType#DENSE}).</li>
 * </ol>
 * A cell whose input and output widths differ widens on the edges from its input node (NATS-Bench's
 * {@code InferCell}); {@link NatsNetworkCost} counts that.
 */
public final class NatsNetworks {
    /** The detail text of the global pooling op: it is preceded by batch norm and ReLU. */
    public static final String POOL_DETAIL = "bn-relu-before";

    private NatsNetworks() {
    }

    /**
     * The network with the given per-layer widths, {@code 3N + 2} of them: N cells, a reduction
     * block, N cells, a reduction block, N cells.
     */
    public static List<Op> build(InputShape input, int[] channels, CellGenotype cell) {
        if (channels.length % 3 != 2) {
            throw new IllegalArgumentException("a NATS network has 3N + 2 layers, not " + channels.length);
        }
        int perStage = channels.length / 3;
        List<Op> ops = new ArrayList<>();
        int size = input.size();
        ops.add(new Op(OpType.CONV, size, input.channels(), channels[0], 0, 3, 1, false, "none", false, "stem"));
        int previous = channels[0];
        for (int i = 0; i < channels.length; i++) {
            if (i == perStage || i == 2 * perStage + 1) {
                ops.add(new Op(OpType.RESIDUAL_BLOCK, size, previous, channels[i], 0, 3, 2, false, "relu", true, ""));
                size = (size + 1) / 2;
            } else {
                ops.add(new Op(OpType.CELL, size, previous, channels[i], 0, 3, 1, false, "relu", false, cell.toString()));
            }
            previous = channels[i];
        }
        ops.add(new Op(OpType.GLOBAL_POOL, size, previous, previous, 0, 1, 1, false, "relu", false, POOL_DETAIL));
        ops.add(new Op(OpType.DENSE, 1, previous, input.classes(), 0, 1, 1, false, "none", false, "classifier"));
        return List.copyOf(ops);
    }
}
