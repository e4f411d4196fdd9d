package io.layernas.evaluators.training;

import ai.djl.ndarray.NDArray;
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
            case "relu6" -> Optional.of(Activation::relu6);
            case "hswish" -> Optional.of(x -> x.mul(hardSigmoid(x)));
            case "swish" -> Optional.of(x -> Activation.swish(x, 1f));
            case "none" -> Optional.empty();
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'; known: " + NAMES);
        };
    }

    /** {@code relu6(x + 3) / 6}, the gate of MobileNetV3's squeeze-and-excite and of hswish. */
    static NDArray hardSigmoid(NDArray x) {
        return Activation.relu6(x.add(3f)).div(6f);
    }
}
