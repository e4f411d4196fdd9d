package io.layernas.evaluators.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The activations an {@link io.layernas.api.Op} names, as DJL blocks. */
final class Activations {
    /** The names {@link #block} accepts. */
    static final List<String> NAMES = List.of("relu", "relu6", "hswish", "swish", "none");

    private Activations() {
    }

    /** The activation block, or empty for {@code none}. */
    static Optional<Block> block(String name) {
        return function(name).map(f -> LambdaBlock.singleton(f, name));
    }

    /** The activation as a function, or empty for {@code none}. */
    static Optional<Function<NDArray, NDArray>> function(String name) {
        return switch (name) {
            case "relu" -> Optional.of(Activation::relu);
            case "relu6" -> Optional.of(Activations::relu6);
            case "hswish" -> Optional.of(x -> x.mul(hardSigmoid(x)));
            case "swish" -> Optional.of(x -> x.mul(Activation.sigmoid(x)));
            case "none" -> Optional.empty();
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'; known: " + NAMES);
        };
    }

    /*
     * No DJL operation with a number argument here (x.div(6f), x.minimum(6), Activation.relu6, swish's
     * x.mul(beta)): DJL's PyTorch engine makes the number a tensor over a Java direct buffer and
     * closes it after the operation, while the autograd graph keeps that tensor for the backward
     * pass; once the garbage collector frees the buffer, backward reads freed memory (a NaN loss,
     * or a training that differs from itself). Clipping takes its bounds as scalars, and a
     * constant made by the engine (full) owns its memory.
     */

    /** {@code min(max(x, 0), 6)}. */
    static NDArray relu6(NDArray x) {
        return x.clip(0, 6);
    }

    /** {@code relu6(x + 3) / 6}, the gate of MobileNetV3's squeeze-and-excite and of hswish. */
    static NDArray hardSigmoid(NDArray x) {
        return x.add(constant(x, 3)).clip(0, 6).mul(constant(x, 1f / 6));
    }

    /** A scalar {@code value} owned by the engine, in {@code like}'s manager (freed with its batch). */
    private static NDArray constant(NDArray like, float value) {
        return like.getManager().full(new Shape(), value);
    }
}
