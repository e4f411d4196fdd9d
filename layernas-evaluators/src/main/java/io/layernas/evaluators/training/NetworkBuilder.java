package io.layernas.evaluators.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import io.layernas.api.InputShape;
import io.layernas.api.Op;
import java.util.List;

/**
 * Builds the DJL network of a list of {@link Op}s (from {@code NetworkSpace#network}), exactly
 * as the ops describe it, so that its weights are the ones an analytic cost model counts:
 * <ul>
 *   <li>{@code CONV}: k x k convolution without bias, batch norm, activation;</li>
 *   <li>{@code BNECK}: 1x1 expansion (conv, BN, activation; absent when expanded == in), depthwise
 *       k x k (conv, BN, activation), optional squeeze-and-excite, 1x1 projection (conv, BN), and
 *       the input added when the op is residual;</li>
 *   <li>{@code GLOBAL_POOL}: global average pooling to one vector per image, after batch norm and
 *       the activation when the detail is {@value #BN_BEFORE_POOL} (NATS-Bench);</li>
 *   <li>{@code DENSE}: fully connected with bias, then the op's activation;</li>
 *   <li>{@code RESIDUAL_BLOCK}: NATS-Bench's ResNet basic block, see {@link #residualBlock};</li>
 *   <li>{@code CELL}: a NATS-Bench cell, see {@link NatsCell}.</li>
 * </ul>
 * Convolutions pad "same" ({@code k / 2}), so a stride-s layer maps size n to {@code ceil(n / s)}.
 */
public final class NetworkBuilder {
    /** The {@link Op#detail()} of a global pooling op that has batch norm and activation before it. */
    public static final String BN_BEFORE_POOL = "bn-relu-before";
    /**
     * PyTorch's {@code momentum} of batch norm's running statistics (the weight of the new batch);
     * DJL's momentum is the weight of the old value, {@code 1 - } this.
     */
    static final float BATCH_NORM_MOMENTUM = 0.1f;
    /** PyTorch's {@code BatchNorm2d} eps. */
    static final float BATCH_NORM_EPS = 1e-5f;

    private NetworkBuilder() {
    }

    /**
     * The network of {@code ops}, from input to logits.
     *
     * @throws IllegalArgumentException when the ops do not chain: an op's input must be the
     *                                  previous op's output (channels and size), the first op's the network input
     */
    public static SequentialBlock build(List<Op> ops, InputShape input) {
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one op");
        }
        int channels = input.channels();
        int size = input.size();
        SequentialBlock network = new SequentialBlock();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op.inChannels() != channels || op.inputSize() != size) {
                throw new IllegalArgumentException("op " + i + " (" + op.type() + ") expects " + op.inputSize() + "x"
                        + op.inputSize() + "x" + op.inChannels() + " input but " + (i == 0 ? "the network input"
                        : "op " + (i - 1) + " outputs") + " " + size + "x" + size + "x" + channels
                        + ": the space's network(architecture) is inconsistent: " + op);
            }
            network.add(block(op));
            channels = op.outChannels();
            size = op.outputSize();
        }
        return network;
    }

    /** The block of one op. */
    static Block block(Op op) {
        return switch (op.type()) {
            case CONV -> convBnAct(op.inChannels(), op.outChannels(), op.kernel(), op.stride(), 1, op.activation());
            case BNECK -> Bottleneck.of(op);
            case GLOBAL_POOL -> globalPool(op);
            case DENSE -> dense(op);
            case RESIDUAL_BLOCK -> residualBlock(op);
            case CELL -> NatsCell.of(op);
        };
    }

    /** Convolution without bias, batch norm and (unless {@code none}) the activation. */
    static SequentialBlock convBnAct(int in, int out, int kernel, int stride, int groups, String activation) {
        SequentialBlock block = new SequentialBlock();
        block.add(conv(out, kernel, stride, groups, false));
        block.add(batchNorm());
        Activations.block(activation).ifPresent(block::add);
        return block;
    }

    /** A "same"-padded convolution. */
    static Conv2d conv(int filters, int kernel, int stride, int groups, boolean bias) {
        int padding = kernel / 2;
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding)).setFilters(filters).optGroups(groups).optBias(bias).build();
    }

    /** Batch norm over channels (axis 1, NCHW) with PyTorch's {@code BatchNorm2d} defaults, set explicitly. */
    static Block batchNorm() {
        return BatchNorm.builder().optAxis(1).optMomentum(1 - BATCH_NORM_MOMENTUM).optEpsilon(BATCH_NORM_EPS).build();
    }

    /** The sum of {@code main} and {@code shortcut} applied to the same input. */
    static Block sum(Block main, Block shortcut) {
        return new ParallelBlock(outputs -> new NDList(outputs.get(0).singletonOrThrow()
                .add(outputs.get(1).singletonOrThrow())), List.of(main, shortcut));
    }

    private static Block dense(Op op) {
        if (op.inputSize() != 1) {
            throw new IllegalArgumentException("DENSE op " + op + " needs pooled 1x1 input; put a GLOBAL_POOL before it");
        }
        SequentialBlock block = new SequentialBlock();
        block.add(Linear.builder().setUnits(op.outChannels()).optBias(true).build());
        Activations.block(op.activation()).ifPresent(block::add);
        return block;
    }

    /**
     * NATS-Bench's {@code ResNetBasicblock}: two (activation, 3x3 conv, BN) layers, the first with
     * the op's stride, plus a shortcut: identity, or for stride 2 a 2x2 average pool and a 1x1 conv
     * without batch norm, or for a width change a 1x1 conv with batch norm. No activation after the sum.
     */
    private static Block residualBlock(Op op) {
        int in = op.inChannels();
        int out = op.outChannels();
        SequentialBlock main = new SequentialBlock();
        main.add(activationConvBn(op.activation(), out, 3, op.stride()));
        main.add(activationConvBn(op.activation(), out, 3, 1));
        Block shortcut;
        if (op.stride() == 2) {
            shortcut = new SequentialBlock()
                    .add(Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true, false))
                    .add(conv(out, 1, 1, 1, false));
        } else if (op.stride() == 1 && in == out) {
            shortcut = Blocks.identityBlock();
        } else if (op.stride() == 1) {
            shortcut = convBnAct(in, out, 1, 1, 1, "none");
        } else {
            throw new IllegalArgumentException("RESIDUAL_BLOCK op " + op + " needs stride 1 or 2");
        }
        return sum(main, shortcut);
    }

    /** Activation (unless {@code none}), "same"-padded convolution without bias, batch norm. */
    static SequentialBlock activationConvBn(String activation, int out, int kernel, int stride) {
        SequentialBlock block = new SequentialBlock();
        Activations.block(activation).ifPresent(block::add);
        block.add(conv(out, kernel, stride, 1, false));
        block.add(batchNorm());
        return block;
    }

    /**
     * Global average pooling; when the op's detail is {@value #BN_BEFORE_POOL} (NATS-Bench's
     * {@code lastact}), batch norm and the op's activation come first.
     */
    private static Block globalPool(Op op) {
        if (!op.detail().equals(BN_BEFORE_POOL)) {
            return Pool.globalAvgPool2dBlock();
        }
        SequentialBlock block = new SequentialBlock();
        block.add(batchNorm());
        Activations.block(op.activation()).ifPresent(block::add);
        block.add(Pool.globalAvgPool2dBlock());
        return block;
    }
}
