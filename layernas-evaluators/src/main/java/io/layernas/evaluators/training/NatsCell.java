package io.layernas.evaluators.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.layernas.api.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * A NAS-Bench-201 / NATS-Bench cell ({@code CELL} ops) whose genotype is in {@link Op#detail()},
 * e.g. {@code |nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|}:
 * node {@code i} is the sum of the listed ops applied to earlier nodes, the last node is the output.
 * Edges leaving the input map {@code inChannels} to {@code outChannels}; the others keep
 * {@code outChannels}. Ops: {@code nor_conv_kxk} (ReLU, conv, BN), {@code avg_pool_3x3} (a 1x1
 * ReLU-conv-BN first when channels change), {@code skip_connect} (a 1x1 conv+BN when channels
 * change) and {@code none} (zeros).
 */
final class NatsCell extends AbstractBlock {
    private final List<List<Edge>> nodes = new ArrayList<>();

    private record Edge(int from, Block block) {
    }

    private NatsCell() {
    }

    /** The cell of a {@code CELL} op. */
    static Block of(Op op) {
        if (op.stride() != 1 || op.detail().isBlank()) {
            throw new IllegalArgumentException("CELL op " + op + " needs stride 1 and a genotype in its detail");
        }
        NatsCell cell = new NatsCell();
        String[] nodeTexts = op.detail().split("\\+");
        for (int node = 0; node < nodeTexts.length; node++) {
            List<Edge> edges = new ArrayList<>();
            for (String edge : nodeTexts[node].split("\\|")) {
                if (!edge.isBlank()) {
                    edges.add(cell.edge(op, node, edge.trim()));
                }
            }
            cell.nodes.add(edges);
        }
        return cell;
    }

    private Edge edge(Op op, int node, String text) {
        String[] parts = text.split("~");
        int from = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
        if (from < 0 || from > node) {
            throw new IllegalArgumentException("CELL genotype '" + text + "' of node " + (node + 1)
                    + " must read op~input with input 0.." + node);
        }
        int in = from == 0 ? op.inChannels() : op.outChannels();
        Block block = addChildBlock("n" + (node + 1) + "_from" + from + "_" + parts[0],
                operation(parts[0], in, op.outChannels()));
        return new Edge(from, block);
    }

    private static Block operation(String name, int in, int out) {
        return switch (name) {
            case "nor_conv_3x3" -> reluConvBn(in, out, 3);
            case "nor_conv_1x1" -> reluConvBn(in, out, 1);
            case "avg_pool_3x3" -> averagePool(in, out);
            case "skip_connect" -> in == out ? Blocks.identityBlock() : NetworkBuilder.convBnAct(in, out, 1, 1, 1, "none");
            case "none" -> LambdaBlock.singleton(x -> x.getManager().zeros(
                    new Shape(x.getShape().get(0), out, x.getShape().get(2), x.getShape().get(3))), "zero");
            default -> throw new IllegalArgumentException("unknown NATS cell op '" + name
                    + "'; known: nor_conv_3x3, nor_conv_1x1, avg_pool_3x3, skip_connect, none");
        };
    }

    private static Block reluConvBn(int in, int out, int kernel) {
        SequentialBlock block = new SequentialBlock();
        block.add(LambdaBlock.singleton(ai.djl.nn.Activation::relu, "relu"));
        block.add(NetworkBuilder.convBnAct(in, out, kernel, 1, 1, "none"));
        return block;
    }

    private static Block averagePool(int in, int out) {
        SequentialBlock block = new SequentialBlock();
        if (in != out) {
            block.add(reluConvBn(in, out, 1));
        }
        block.add(Pool.avgPool2dBlock(new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false, false));
        return block;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        List<NDArray> values = new ArrayList<>();
        values.add(inputs.singletonOrThrow());
        for (List<Edge> edges : nodes) {
            NDArray sum = null;
            for (Edge edge : edges) {
                NDArray out = edge.block().forward(store, new NDList(values.get(edge.from())), training, params)
                        .singletonOrThrow();
                sum = sum == null ? out : sum.add(out);
            }
            values.add(sum);
        }
        return new NDList(values.get(values.size() - 1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        List<Shape> shapes = new ArrayList<>(List.of(inputShapes[0]));
        for (List<Edge> edges : nodes) {
            Shape out = null;
            for (Edge edge : edges) {
                Shape in = shapes.get(edge.from());
                edge.block().initialize(manager, dataType, in);
                out = edge.block().getOutputShapes(new Shape[] {in})[0];
            }
            shapes.add(out);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        Shape output = input;
        for (List<Edge> edges : nodes) {
            Edge first = edges.get(0);
            output = first.block().getOutputShapes(new Shape[] {first.from() == 0 ? input : output})[0];
        }
        return new Shape[] {output};
    }
}
