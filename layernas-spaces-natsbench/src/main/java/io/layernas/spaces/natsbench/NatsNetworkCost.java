package io.layernas.spaces.natsbench;

import io.layernas.api.Op;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FLOPs and parameters of a network built by {@link NatsNetworks}, counted the way NATS-Bench
 * counts them: FLOPs are multiply-accumulates of convolutions and linear layers (plus one per
 * output for a bias; NATS-Bench's convolutions have none, its classifier has one); batch norm,
 * ReLU, pooling and the additions of a cell are free. Parameters are all trainable weights,
 * including the scale and shift of every batch norm, in millions (10^6).
 *
 * <p>Stateless and thread-safe.
 *
 * @param flops  millions of FLOPs (MFLOPs) for one image
 * @param params millions of parameters
 */
public record NatsNetworkCost(double flops, double params) {
    /** Parsed cells by their string; at most the 15625 cells of the topology space. */
    private static final Map<String, CellGenotype> CELLS = new ConcurrentHashMap<>();

    /** Counts the network; only the op types {@link NatsNetworks} builds are allowed. */
    public static NatsNetworkCost of(List<Op> network) {
        long flops = 0;
        long params = 0;
        for (Op op : network) {
            long[] counted = count(op);
            flops += counted[0];
            params += counted[1];
        }
        return new NatsNetworkCost(flops / 1e6, params / 1e6);
    }

    private static long[] count(Op op) {
        return switch (op.type()) {
            case CONV -> convBn(op.inChannels(), op.outChannels(), op.kernel(), op.outputSize());
            case CELL -> cell(op);
            case RESIDUAL_BLOCK -> residualBlock(op);
            case GLOBAL_POOL -> new long[] {0, 2L * op.inChannels()};
            case DENSE -> {
                long weights = (long) op.inChannels() * op.outChannels() + op.outChannels();
                yield new long[] {weights, weights};
            }
            case BNECK -> throw new IllegalArgumentException("NATS networks have no inverted bottlenecks: " + op);
        };
    }

    /** A convolution without bias followed by batch norm: {FLOPs, params}. */
    private static long[] convBn(int in, int out, int kernel, int outputSize) {
        long weights = (long) kernel * kernel * in * out;
        return new long[] {weights * outputSize * outputSize, weights + 2L * out};
    }

    private static long[] cell(Op op) {
        CellGenotype genotype = CELLS.computeIfAbsent(op.detail(), CellGenotype::parse);
        long[] total = new long[2];
        for (int node = 1; node <= CellGenotype.NODES; node++) {
            for (int from = 0; from < node; from++) {
                int in = from == 0 ? op.inChannels() : op.outChannels();
                add(total, edge(genotype.op(node, from), in, op.outChannels(), op.inputSize()));
            }
        }
        return total;
    }

    private static long[] edge(String operation, int in, int out, int size) {
        return switch (operation) {
            case "nor_conv_3x3" -> convBn(in, out, 3, size);
            case "nor_conv_1x1" -> convBn(in, out, 1, size);
            // skip and pooling widen with a 1x1 convolution when the widths differ
            case "skip_connect", "avg_pool_3x3" -> in == out ? new long[2] : convBn(in, out, 1, size);
            case "none" -> new long[2];
            default -> throw new IllegalArgumentException("unknown cell operation " + operation);
        };
    }

    private static long[] residualBlock(Op op) {
        int in = op.inChannels();
        int out = op.outChannels();
        int size = op.outputSize();
        long[] total = convBn(in, out, 3, size);
        add(total, convBn(out, out, 3, size));
        if (op.stride() == 2) {
            long weights = (long) in * out; // average pooling, then a 1x1 convolution without batch norm
            add(total, new long[] {weights * size * size, weights});
        } else if (in != out) {
            add(total, convBn(in, out, 1, size));
        }
        return total;
    }

    private static void add(long[] total, long[] more) {
        total[0] += more[0];
        total[1] += more[1];
    }
}
