package io.layernas.evaluators.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import io.layernas.api.Op;
import java.util.List;

/**
 * The inverted bottleneck of MobileNetV2/V3 ({@code BNECK} ops): expand, depthwise, optional
 * squeeze-and-excite, project, residual.
 */
final class Bottleneck {

    private Bottleneck() {
    }

    /** The block of a {@code BNECK} op. */
    static Block of(Op op) {
        int in = op.inChannels();
        int expanded = op.expandedChannels() == 0 ? in : op.expandedChannels();
        if (op.residual() && (op.stride() != 1 || in != op.outChannels())) {
            throw new IllegalArgumentException("BNECK op " + op + " is residual but changes shape (stride "
                    + op.stride() + ", " + in + " -> " + op.outChannels() + " channels)");
        }
        SequentialBlock main = new SequentialBlock();
        if (expanded != in) {
            main.add(NetworkBuilder.convBnAct(in, expanded, 1, 1, 1, op.activation()));
        }
        main.add(NetworkBuilder.convBnAct(expanded, expanded, op.kernel(), op.stride(), expanded, op.activation()));
        if (op.squeezeExcite()) {
            main.add(squeezeExcite(expanded));
        }
        main.add(NetworkBuilder.convBnAct(expanded, op.outChannels(), 1, 1, 1, "none"));
        return op.residual() ? NetworkBuilder.sum(main, Blocks.identityBlock()) : main;
    }

    /**
     * The squeeze channels of MobileNetV3's squeeze-and-excite: a quarter of the expanded
     * channels, rounded to a multiple of 8 and never below 90% of the quarter.
     */
    static int squeezeChannels(int expanded) {
        return makeDivisible(expanded / 4.0, 8);
    }

    /** The MobileNet rounding: nearest multiple of {@code divisor}, at least {@code divisor}, not below 90%. */
    static int makeDivisible(double value, int divisor) {
        int rounded = Math.max(divisor, (int) (value + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * value ? rounded + divisor : rounded;
    }

    /** Pool, 1x1 conv with bias + ReLU, 1x1 conv with bias + hard sigmoid, scale the input by the gate. */
    private static Block squeezeExcite(int channels) {
        SequentialBlock gate = new SequentialBlock();
        gate.add(LambdaBlock.singleton(x -> Pool.globalAvgPool2d(x).expandDims(2).expandDims(3), "squeeze"));
        gate.add(NetworkBuilder.conv(squeezeChannels(channels), 1, 1, 1, true));
        gate.add(LambdaBlock.singleton(ai.djl.nn.Activation::relu, "relu"));
        gate.add(NetworkBuilder.conv(channels, 1, 1, 1, true));
        gate.add(LambdaBlock.singleton(Activations::hardSigmoid, "hsigmoid"));
        return new ParallelBlock(outputs -> {
            NDArray input = outputs.get(0).singletonOrThrow();
            return new NDList(input.mul(outputs.get(1).singletonOrThrow()));
        }, List.of(Blocks.identityBlock(), gate));
    }
}
