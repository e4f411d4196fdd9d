package io.layernas.spaces.mobilenet;

import io.layernas.api.Op;
import io.layernas.api.Op.OpType;

/**
 * Factories for the {@link Op}s of MobileNet networks, so that every op of a given kind is built
 * the same way (a bottleneck has a residual exactly when its stride is 1 and its input and output
 * widths agree). Stateless and thread-safe.
 */
public final class Ops {
    private Ops() {
    }

    /** A {@code kernel x kernel} convolution with batch norm and {@code activation}. */
    public static Op conv(int inputSize, int in, int out, int kernel, int stride, String activation) {
        return new Op(OpType.CONV, inputSize, in, out, 0, kernel, stride, false, activation, false, "");
    }

    /** An inverted bottleneck; the 1x1 expansion is absent when {@code expanded == in}. */
    public static Op bneck(int inputSize, int in, int expanded, int out, int kernel, int stride, boolean se,
                           String activation) {
        boolean residual = stride == 1 && in == out;
        return new Op(OpType.BNECK, inputSize, in, out, expanded, kernel, stride, se, activation, residual, "");
    }

    /** Global average pooling over an {@code inputSize x inputSize x channels} input. */
    public static Op pool(int inputSize, int channels) {
        return new Op(OpType.GLOBAL_POOL, inputSize, channels, channels, 0, inputSize, 1, false, "none", false, "");
    }

    /** A fully connected layer with bias on pooled features. */
    public static Op dense(int in, int out, String activation) {
        return new Op(OpType.DENSE, 1, in, out, 0, 1, 1, false, activation, false, "");
    }
}
